import { NodeHttpHandler } from '@smithy/node-http-handler';
import { sdkBudget } from './sdk-budget.ts';

/**
 * SDK calls must end inside the Lambda timeout: the v3 default request timeout is none, and a
 * request timeout only throws with `throwOnRequestTimeout` (otherwise it merely logs a warning).
 */
export const sdkRequestHandler = () =>
  new NodeHttpHandler({
    connectionTimeout: sdkBudget.connectionTimeoutMs,
    requestTimeout: sdkBudget.requestTimeoutMs,
    throwOnRequestTimeout: true,
  });
