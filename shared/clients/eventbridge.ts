import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { envNames, optionalEnv } from '../config/env.ts';
import { sdkRequestHandler } from './http-handler.ts';
import { sdkBudget } from './sdk-budget.ts';

let client: EventBridgeClient | undefined;

/**
 * One client per execution environment, created at the first PutEvents rather than at import: a
 * request refused before it publishes (bad input, a rate limit) never builds it.
 */
export const eventBridge = (): EventBridgeClient => {
  const endpoint = optionalEnv(envNames.eventBridgeEndpoint);
  client ??= new EventBridgeClient({
    requestHandler: sdkRequestHandler(),
    maxAttempts: sdkBudget.maxAttempts,
    ...(endpoint ? { endpoint } : {}),
  });
  return client;
};
