import type { components } from './schema';

/** An error answer of the API, as the SPEC's error body has it (or the gateway's `{message}`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Seconds, from `Retry-After` (429). */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * The error answers the OpenAPI document names: the API's `{error: {code, message, details}}` and
 * the gateway's `{message}` (its own 401 and 404). An answer is only read as one of them after the
 * checks below: a proxy's HTML page or an empty body may come instead.
 */
type ErrorBody = components['schemas']['Error'];
type GatewayError = components['schemas']['GatewayError'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isErrorBody = (b: unknown): b is ErrorBody =>
  isObject(b) && isObject(b.error) && typeof b.error.code === 'string' && typeof b.error.message === 'string';
const isGatewayError = (b: unknown): b is GatewayError => isObject(b) && typeof b.message === 'string';

export function apiErrorFrom(response: Response, body: unknown): ApiError {
  const api = isErrorBody(body) ? body.error : undefined;
  const code = api?.code ?? `http_${response.status}`;
  const message =
    api?.message ?? (isGatewayError(body) ? body.message : 'Something went wrong. Please try again.');
  const retry = Number(response.headers.get('retry-after'));
  return new ApiError(
    response.status,
    code,
    message,
    api?.details,
    Number.isFinite(retry) && retry > 0 ? retry : undefined,
  );
}

/** A network failure or an answer the client could not read. */
export const offline = () =>
  new ApiError(0, 'network', 'We could not reach the server. Check your connection and try again.');

/** Per-field messages from a 400's `details` (`{"title": "Too big: …"}`, the API's own wording). */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || error.status !== 400) return {};
  const out: Record<string, string> = {};
  if (error.details && typeof error.details === 'object')
    for (const [key, value] of Object.entries(error.details as Record<string, unknown>))
      if (typeof value === 'string') out[key] = value;
  return out;
}
