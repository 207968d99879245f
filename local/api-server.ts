import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { isIP } from 'node:net';
import type { Route } from '../shared/api/routes.ts';
import { securityHeaders } from '../shared/http/security-headers.ts';
import { buildApiEvent, type EventContext } from './api-event.ts';
import { readBody, writeAnswer } from './http-io.ts';
import type { AuthorizerResult } from './jwt-authorizer.ts';
import { invokeHandler } from './invoke.ts';
import type { HandlerLoader } from './handler-loader.ts';
import { gatewayError, type HttpAnswer } from './lambda-result.ts';
import type { LocalRouteHandler } from './local-routes.ts';
import { newTally, runWithTally, tallyHeaders } from './request-counter.ts';
import { createRouteMatcher } from './route-matcher.ts';
import type { SiteHandler } from './static-site.ts';

export interface ApiServerOptions {
  routes: readonly Route[];
  loadHandler: HandlerLoader;
  authorize(authorization: string | undefined): Promise<AuthorizerResult>;
  localRoutes?: LocalRouteHandler;
  /** The web app on the same origin: pages and files outside `/crm`, `/portal` and `/_local`. */
  site?: SiteHandler;
  /** Until true, API routes answer 503 (the handlers' configuration is not in place yet). */
  isReady?(): boolean;
  timeoutMs?: number;
  /** What CloudFront would add as the origin header; without it the handlers refuse every request. */
  originSecret?: string;
  /**
   * The origin's security headers, on every answer; default shared/http/security-headers.ts's.
   * A Cognito-mode site passes lib/auth-config.ts `siteSecurityHeaders`, as the Web stack does.
   */
  securityHeaders?: Readonly<Record<string, string>>;
}

/** A local-only header that stands in for the client address, so tests can isolate per-address rate limits. */
export const sourceIpHeader = 'x-local-source-ip';

/** `x-local-*` request headers steer the local stack; like everything local-only, they never reach a handler. */
function gatewayHeaders(rawHeaders: string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const [name, value] = [rawHeaders[i] ?? '', rawHeaders[i + 1] ?? ''];
    if (!name.toLowerCase().startsWith('x-local-')) kept.push(name, value);
  }
  return kept;
}

function sourceIp(req: IncomingMessage): string {
  const override = req.headers[sourceIpHeader];
  if (typeof override === 'string' && isIP(override) !== 0) return override;
  return (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
}

/**
 * A local API Gateway and CloudFront in one: the route table, the JWT authorizer, payload 2.0
 * events, the real handlers, the web app's files; and on every answer, whoever made it, the
 * origin's security headers (CloudFront's response headers policy does that in AWS).
 */
export function createApiServer(options: ApiServerOptions): Server {
  const match = createRouteMatcher(options.routes);
  const originHeaders = options.securityHeaders ?? securityHeaders;

  const answer = async (req: IncomingMessage, requestId: string): Promise<HttpAnswer> => {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const path = url.split('?')[0] ?? '/';
    const body = await readBody(req);
    if (!body.ok) return gatewayError(413, 'Request Entity Too Large');
    const local = await options.localRoutes?.(method, path, body.text, req.headers, url);
    if (local) return local;
    const page = await options.site?.(method, path);
    if (page) return page;

    const found = match(method, path);
    if (!found) return gatewayError(404, 'Not Found');
    if (options.isReady && !options.isReady()) return gatewayError(503, 'Service Unavailable');
    let authorizer: EventContext['authorizer'];
    if (found.route.auth === 'jwt') {
      const auth = await options.authorize(req.headers.authorization);
      if (!auth.ok) {
        const denied = gatewayError(401, 'Unauthorized');
        return { ...denied, headers: { ...denied.headers, 'www-authenticate': auth.wwwAuthenticate } };
      }
      authorizer = { jwt: { claims: auth.claims, scopes: auth.scopes } };
    }
    const event = buildApiEvent(
      {
        method,
        url,
        rawHeaders: gatewayHeaders(req.rawHeaders),
        body: body.text,
        sourceIp: sourceIp(req),
        protocol: `HTTP/${req.httpVersion}`,
      },
      found,
      {
        requestId,
        now: new Date(),
        ...(authorizer ? { authorizer } : {}),
        ...(options.originSecret ? { originSecret: options.originSecret } : {}),
      },
    );
    return invokeHandler(options.loadHandler, found.route, event, requestId, options.timeoutMs);
  };

  return createServer((req, res) => {
    const requestId = randomUUID();
    const tally = newTally();
    runWithTally(tally, () => answer(req, requestId))
      .catch((error: unknown) => {
        // Not the raw path: paths can carry tokens.
        console.error(`local: a ${req.method} request failed in the local gateway`, error);
        return gatewayError(500, 'Internal Server Error');
      })
      .then((result) =>
        writeAnswer(res, result, {
          'apigw-requestid': requestId,
          ...tallyHeaders(tally),
          ...originHeaders,
        }),
      );
  });
}
