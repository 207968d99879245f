import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { Route } from '../api/routes.ts';
import { logger } from '../clients/logger.ts';
import { flushMetrics } from '../metrics/flush.ts';
import { errorHandler } from './error-handler.ts';
import { originCheck } from './origin-check.ts';
import { originSecretsFromEnv } from './origin-secrets.ts';
import { toResult, type Reply } from './responses.ts';

// Read at module load: a function without its origin secret setting fails to start, never runs unchecked.
const checkOrigin = originCheck(originSecretsFromEnv());

/**
 * The one middy chain of every API Lambda: Powertools logger with the request id as correlation
 * id → the origin check (only requests that came through CloudFront go on) → the error middleware
 * (typed domain errors → SPEC §3 bodies) → the route's own steps → the route's success status.
 * What the route counted is flushed as it ends, answer or error (shared/metrics/flush.ts).
 */
export function httpChain<E extends APIGatewayProxyEventV2>(route: Route, run: (event: E) => Promise<Reply>) {
  return middy<E, APIGatewayProxyStructuredResultV2, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(checkOrigin as middy.MiddlewareObj<E, APIGatewayProxyStructuredResultV2>)
    .use(errorHandler() as middy.MiddlewareObj<E, APIGatewayProxyStructuredResultV2>)
    .handler(async (event) => {
      logger.appendKeys({
        correlationId: event.requestContext.requestId,
        route: `${route.method} ${route.path}`,
      });
      try {
        return toResult(await run(event), route.status);
      } finally {
        flushMetrics();
      }
    });
}
