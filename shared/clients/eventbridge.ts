import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { envNames, optionalEnv } from '../config/env.ts';
import { sdkRequestHandler } from './http-handler.ts';

let client: EventBridgeClient | undefined;

/**
 * One client per execution environment, created at the first PutEvents rather than at import: a
 * request refused before it publishes (bad input, a rate limit) never builds it.
 */
export const eventBridge = (): EventBridgeClient => {
  const endpoint = optionalEnv(envNames.eventBridgeEndpoint);
  client ??= new EventBridgeClient({
    requestHandler: sdkRequestHandler(),
    maxAttempts: 3,
    ...(endpoint ? { endpoint } : {}),
  });
  return client;
};
