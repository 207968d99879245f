import { SESv2Client } from '@aws-sdk/client-sesv2';
import { envNames, optionalEnv } from '../config/env.ts';
import { sdkRequestHandler } from './http-handler.ts';
import { sdkBudget } from './sdk-budget.ts';

let client: SESv2Client | undefined;

/**
 * One client per execution environment, created at the first send rather than at import: a request
 * refused before it sends anything (bad input, an ineligible contact) never builds it.
 */
export const ses = (): SESv2Client => {
  const endpoint = optionalEnv(envNames.sesEndpoint);
  client ??= new SESv2Client({
    requestHandler: sdkRequestHandler(),
    maxAttempts: sdkBudget.maxAttempts,
    ...(endpoint ? { endpoint } : {}),
  });
  return client;
};
