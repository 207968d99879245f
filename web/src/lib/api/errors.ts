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

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; details?: unknown };
  message?: unknown;
}

export function apiErrorFrom(response: Response, body: unknown): ApiError {
  const b = (body ?? {}) as ErrorBody;
  const code = typeof b.error?.code === 'string' ? b.error.code : `http_${response.status}`;
  const message =
    typeof b.error?.message === 'string'
      ? b.error.message
      : typeof b.message === 'string'
        ? b.message
        : 'Something went wrong. Please try again.';
  const retry = Number(response.headers.get('retry-after'));
  return new ApiError(
    response.status,
    code,
    message,
    b.error?.details,
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
