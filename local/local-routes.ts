import type { IncomingHttpHeaders } from 'node:http';
import * as z from 'zod';
import { errorBody } from '../shared/http/error-body.ts';
import { fieldDetails } from '../shared/http/parse-request.ts';
import type { HealthRegistry } from './health.ts';
import type { LocalJwtIssuer } from './jwt-issuer.ts';
import { linksPage } from './links-page.ts';
import { htmlAnswer, localStylesheet, localStylesheetPath, textAnswer } from './local-page.ts';
import { type HttpAnswer, localJson } from './lambda-result.ts';
import type { StackUrls } from './stack-types.ts';

export interface LocalRoutesContext {
  health: HealthRegistry;
  /** Undefined until the stack has its URLs and signing key. */
  issuer(): LocalJwtIssuer | undefined;
  urls(): StackUrls | undefined;
  /** The local bus's PutEvents endpoint and `/_local/bus/*` views. */
  bus?: LocalRouteHandler;
  /** The stream poller's `/_local/stream/*` views and `/_local/pipeline/idle`. */
  stream?: LocalRouteHandler;
  /** `/_local/metrics`: what the handlers counted (local/metrics-routes.ts). */
  metrics?: LocalRouteHandler;
  /** `/_local/cognito-sites`: the stack behind another front door, in Cognito mode (local/cognito-sites.ts). */
  cognitoSites?: LocalRouteHandler;
}

export type LocalRouteHandler = (
  method: string,
  path: string,
  body: string | undefined,
  headers?: IncomingHttpHeaders,
  /** The request URL with its query (`path` has none), for the few local routes that take parameters. */
  url?: string,
) => Promise<HttpAnswer | undefined>;

const tokenRequest = z
  .object({
    // The same shape recruiter-auth accepts for `custom:accountId`.
    accountId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, _ or -'),
    email: z.email().max(254).optional(),
    role: z.enum(['admin', 'recruiter']),
    // The `name` claim: how remarks and the console name the recruiter.
    name: z.string().trim().min(1).max(200).optional(),
  })
  .strict();

const json = localJson;

const notReady = () => json(503, errorBody('starting', 'The local stack is still starting.'));

async function mintToken(ctx: LocalRoutesContext, body: string | undefined): Promise<HttpAnswer> {
  const issuer = ctx.issuer();
  if (!issuer) return notReady();
  let input: unknown;
  try {
    input = JSON.parse(body ?? '');
  } catch {
    return json(400, errorBody('invalid_json', 'The request body is not valid JSON.'));
  }
  const parsed = tokenRequest.safeParse(input);
  if (!parsed.success) {
    return json(
      400,
      errorBody('validation_failed', 'The request body is not valid.', fieldDetails(parsed.error)),
    );
  }
  const { accountId, role, name } = parsed.data;
  const email = parsed.data.email ?? `${role}+${accountId}@agency.example.com`;
  return json(200, { token: await issuer.mint({ accountId, email, role, ...(name ? { name } : {}) }) });
}

/** `/_local/*`: conveniences of the local stack that do not exist in AWS (its links page at `/_local/`). */
export function createLocalRoutes(ctx: LocalRoutesContext): LocalRouteHandler {
  return async (method, path, body, headers, url) => {
    const route = `${method} ${path}`;
    if (route === 'GET /_local/health') {
      const report = await ctx.health.report();
      return json(report.status === 'ok' ? 200 : 503, report);
    }
    if (route === 'POST /_local/recruiter-token') return mintToken(ctx, body);
    const issuer = ctx.issuer();
    if (route === 'GET /_local/issuer/.well-known/jwks.json' && issuer)
      return json(200, { keys: [issuer.key.publicJwk] });
    if (route === 'GET /_local/issuer/.well-known/openid-configuration' && issuer) {
      return json(200, { issuer: issuer.issuer, jwks_uri: `${issuer.issuer}/.well-known/jwks.json` });
    }
    const urls = ctx.urls();
    if ((route === 'GET /_local/' || route === 'GET /_local') && urls)
      return htmlAnswer(200, linksPage(urls));
    if (route === `GET ${localStylesheetPath}`)
      return textAnswer(200, 'text/css; charset=utf-8', localStylesheet, 'no-cache');
    const bus = await ctx.bus?.(method, path, body, headers);
    if (bus) return bus;
    const stream = await ctx.stream?.(method, path, body, headers, url);
    if (stream) return stream;
    const metrics = await ctx.metrics?.(method, path, body, headers, url);
    if (metrics) return metrics;
    const cognitoSites = await ctx.cognitoSites?.(method, path, body, headers, url);
    if (cognitoSites) return cognitoSites;
    if (path === '/_local' || path.startsWith('/_local/')) return json(404, { message: 'Not Found' });
    return undefined;
  };
}
