import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { Route } from '../api/routes.ts';
import { logger } from '../clients/logger.ts';
import { forbidden } from '../domain/errors.ts';
import { checkSession, type PortalCaller } from '../domain/portal-session.ts';
import { sessionPolicy } from '../domain/session-policy.ts';
import { clientAddress } from './client-address.ts';
import { readCookie } from './cookies.ts';
import { errorHandler } from './error-handler.ts';
import { parseRequest, type ParsedRequest } from './parse-request.ts';
import { toResult, type Reply } from './responses.ts';

export interface PublicPortalRequest<R extends Route> extends ParsedRequest<R> {
  event: APIGatewayProxyEventV2;
  clientAddress: string;
}

export interface PortalRequest<R extends Route> extends PublicPortalRequest<R> {
  caller: PortalCaller;
}

/** SPEC §3 CSRF guard: every state-changing portal request names itself, which forms cannot do. */
function guardCsrf(event: APIGatewayProxyEventV2): void {
  if (event.requestContext.http.method === 'GET') return;
  if (event.headers['x-requested-with'] !== 'portal')
    throw forbidden('csrf', 'This request must carry the header X-Requested-With: portal.');
}

function chain<R extends Route>(route: R, run: (event: APIGatewayProxyEventV2) => Promise<Reply>) {
  return middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(errorHandler())
    .handler(async (event) => {
      logger.appendKeys({
        correlationId: event.requestContext.requestId,
        route: `${route.method} ${route.path}`,
      });
      guardCsrf(event);
      return toResult(await run(event), route.status);
    });
}

/** One of the five public portal routes: no session, but the CSRF guard and validation. */
export function publicPortalHandler<R extends Route>(
  route: R,
  fn: (req: PublicPortalRequest<R>) => Promise<Reply>,
) {
  return chain(route, async (event) =>
    fn({ ...parseRequest(route, event), event, clientAddress: clientAddress(event) }),
  );
}

/** Every other portal route: the session check runs before the body is even looked at. */
export function portalHandler<R extends Route>(route: R, fn: (req: PortalRequest<R>) => Promise<Reply>) {
  return chain(route, async (event) => {
    const caller = await checkSession(readCookie(event, sessionPolicy.cookieName));
    logger.appendKeys({ accountId: caller.accountId, portalUserId: caller.portalUserId });
    return fn({ ...parseRequest(route, event), event, clientAddress: clientAddress(event), caller });
  });
}
