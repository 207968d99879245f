/**
 * The OpenAPI 3.1 document, generated from the route table's zod schemas and the answers in
 * `responses.ts`. The web app's API client is typed from it; the local stack and the web build
 * serve it at `/openapi.json`.
 */
import type * as z from 'zod';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi';
import { responses } from './responses.ts';
import { type Route, type RouteName, routes } from './routes.ts';
import { errorBody, gatewayError } from './schemas/views.ts';

// The route table's schemas are zod/mini and the answers full zod: both are zod core schemas, which
// zod-openapi reads alike (its types name the full zod class only).
const json = (schema: z.core.$ZodType) => ({
  content: { 'application/json': { schema: schema as z.ZodType } },
});

const errorsOf = (route: Route) => {
  const error = (description: string) => ({ description, ...json(errorBody) });
  return {
    400: error(
      `Malformed or invalid input (\`validation_failed\`, \`invalid_json\`${route.access.cursor ? ', `invalid_cursor`' : ''}); \`details\` names each field`,
    ),
    ...(route.auth === 'jwt'
      ? { 401: { description: 'No or bad bearer token (the JWT authorizer)', ...json(gatewayError) } }
      : {}),
    ...(route.auth === 'session'
      ? {
          401: error(
            'No session, or it ended: `not_logged_in`, `session_expired`, `access_removed` or `portal_unavailable` (docs/portal-errors.md)',
          ),
        }
      : {}),
    ...(route.id === 'portal/create-session'
      ? {
          401: error(
            '`login_code_invalid`: the code does not work, whatever the reason (B24); or, for a link, the add-on is off',
          ),
        }
      : {}),
    ...(route.method !== 'GET' && route.path.startsWith('/portal/')
      ? { 403: error('`csrf` without `X-Requested-With: portal`, or not allowed') }
      : route.auth === 'jwt'
        ? { 403: error('`portal_disabled` or `forbidden`') }
        : {}),
    404: error('Not found, or not yours'),
    ...(route.method === 'GET'
      ? {}
      : { 409: error('The state changed underneath (`not_pending`, a conflict)') }),
    ...(route.method === 'GET' ? {} : { 422: error('A valid request that the rules refuse') }),
    ...(route.id === 'portal/request-login-links' || route.id === 'portal/create-session'
      ? { 429: error('Too many requests; `Retry-After` says when to try again') }
      : {}),
  };
};

function operation(name: RouteName, route: Route): ZodOpenApiOperationObject {
  const answer = responses[name];
  const csrf = route.method !== 'GET' && route.path.startsWith('/portal/');
  return {
    operationId: name,
    summary: route.summary,
    tags: [route.path.startsWith('/crm/') ? 'Recruiter API' : 'Portal API'],
    // The CSRF guard's header is a security requirement, not a parameter: the client's middleware sets it.
    ...(route.auth === 'jwt' ? { security: [{ recruiterJwt: [] }] } : {}),
    ...(route.auth === 'session'
      ? { security: [csrf ? { portalSession: [], portalCsrf: [] } : { portalSession: [] }] }
      : {}),
    ...(route.auth === 'public' && csrf ? { security: [{ portalCsrf: [] }] } : {}),
    requestParams: {
      ...(route.params ? { path: route.params as z.ZodObject } : {}),
      ...(route.query ? { query: route.query as z.ZodObject } : {}),
    },
    ...(route.body ? { requestBody: { required: true, ...json(route.body) } } : {}),
    responses: {
      [route.status]: answer ? { description: 'Success', ...json(answer) } : { description: 'Done, no body' },
      ...errorsOf(route),
    },
  };
}

export function openApiDocument() {
  const paths: ZodOpenApiPathsObject = {};
  for (const [name, route] of Object.entries(routes) as [RouteName, Route][]) {
    const item = (paths[route.path] ??= {});
    item[route.method.toLowerCase() as 'get'] = operation(name, route);
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Client Portal API',
      version: '1.0.0',
      description:
        'The recruiter API (`/crm`, a Cognito ID token as bearer) and the portal API (`/portal`, the ' +
        '`portal_session` cookie) of the Client Portal. Errors answer `{"error": {"code", "message", "details"}}`.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        recruiterJwt: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        portalSession: { type: 'apiKey', in: 'cookie', name: 'portal_session' },
        portalCsrf: {
          type: 'apiKey',
          in: 'header',
          name: 'X-Requested-With',
          description:
            'The CSRF guard: every portal POST, PATCH and DELETE carries `X-Requested-With: portal`.',
        },
      },
    },
    paths,
  });
}
