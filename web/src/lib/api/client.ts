import createClient, { type Middleware } from 'openapi-fetch';
import { ApiError, apiErrorFrom, offline } from './errors.ts';
import type { paths } from './schema';

/** Every state-changing portal request names itself (the API's CSRF guard). */
const csrfHeader: Middleware = {
  onRequest({ request }) {
    if (request.method !== 'GET' && new URL(request.url).pathname.startsWith('/portal/'))
      request.headers.set('x-requested-with', 'portal');
    return request;
  },
};

/** The typed client: paths, parameters, bodies and answers all come from the generated OpenAPI types. */
export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });
api.use(csrfHeader);

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Awaits an openapi-fetch call: its data, or an ApiError that says what went wrong. */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw offline();
  }
  if (!result.response.ok) throw apiErrorFrom(result.response, result.error);
  return result.data as T;
}

/** A recruiter's bearer token, kept in memory only (never localStorage), set by the console's sign-in. */
let bearer: string | undefined;
export const setBearerToken = (token: string | undefined) => {
  bearer = token;
};
export const bearerToken = () => bearer;
api.use({
  onRequest({ request }) {
    if (bearer && new URL(request.url).pathname.startsWith('/crm/'))
      request.headers.set('authorization', `Bearer ${bearer}`);
    return request;
  },
});
