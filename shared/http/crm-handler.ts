import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import type { Route } from '../api/routes.ts';
import { logger } from '../clients/logger.ts';
import { errorHandler } from './error-handler.ts';
import { parseRequest, type ParsedRequest } from './parse-request.ts';
import { recruiterFrom, type Recruiter } from './recruiter-auth.ts';
import { toResult, type Reply } from './responses.ts';

export interface CrmRequest<R extends Route> extends ParsedRequest<R> {
  recruiter: Recruiter;
  event: APIGatewayProxyEventV2WithJWTAuthorizer;
}

/**
 * A recruiter API Lambda: logger with correlation id → error mapping → parse and validate by the
 * route's schemas → the route function → the route's success status.
 */
export function crmHandler<R extends Route>(route: R, fn: (req: CrmRequest<R>) => Promise<Reply>) {
  return middy<APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(errorHandler())
    .handler(async (event) => {
      logger.appendKeys({
        correlationId: event.requestContext.requestId,
        route: `${route.method} ${route.path}`,
      });
      const recruiter = recruiterFrom(event);
      const parsed = parseRequest(route, event);
      const reply = await fn({ ...parsed, recruiter, event });
      return toResult(reply, route.status);
    });
}
