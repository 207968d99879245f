import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Route } from '../api/routes.ts';
import { logger } from '../clients/logger.ts';
import { forbidden } from '../domain/errors.ts';
import { checkSession, type PortalCaller } from '../domain/portal-session.ts';
import { sessionPolicy } from '../domain/session-policy.ts';
import { clientAddress } from './client-address.ts';
import { readCookie } from './cookies.ts';
import { httpChain } from './http-chain.ts';
import { parseRequest, type ParsedRequest } from './parse-request.ts';
import type { Reply } from './responses.ts';

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

/** The CSRF guard runs first on every portal route, public ones included. */
const chain = (route: Route, run: (event: APIGatewayProxyEventV2) => Promise<Reply>) =>
  httpChain(route, async (event: APIGatewayProxyEventV2) => {
    guardCsrf(event);
    return run(event);
  });

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
