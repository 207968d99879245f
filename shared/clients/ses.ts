import { SESv2Client } from '@aws-sdk/client-sesv2';
import { envNames, optionalEnv } from '../config/env.ts';
import { sdkRequestHandler } from './http-handler.ts';

const endpoint = optionalEnv(envNames.sesEndpoint);

export const ses = new SESv2Client({
  requestHandler: sdkRequestHandler(),
  maxAttempts: 3,
  ...(endpoint ? { endpoint } : {}),
});
