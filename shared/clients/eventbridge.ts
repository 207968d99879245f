import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { envNames, optionalEnv } from '../config/env.ts';
import { sdkRequestHandler } from './http-handler.ts';

const endpoint = optionalEnv(envNames.eventBridgeEndpoint);

export const eventBridge = new EventBridgeClient({
  requestHandler: sdkRequestHandler(),
  maxAttempts: 3,
  ...(endpoint ? { endpoint } : {}),
});
