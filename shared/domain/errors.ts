/**
 * Typed domain errors. The domain raises them; one middleware (shared/http/error-handler.ts)
 * maps them to the SPEC §3 error body and status. Nothing here knows about HTTP.
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'rule'
  | 'rate_limited'
  | 'upstream';

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const invalid = (code: string, message: string, details?: unknown) =>
  new DomainError('invalid', code, message, details);
export const unauthorized = (message = 'You are not signed in.') =>
  new DomainError('unauthorized', 'unauthorized', message);
export const forbidden = (code: string, message: string) => new DomainError('forbidden', code, message);
export const notFound = (what: string) => new DomainError('not_found', 'not_found', `${what} was not found.`);
export const conflict = (code: string, message: string) => new DomainError('conflict', code, message);
export const refused = (code: string, message: string, details?: unknown) =>
  new DomainError('rule', code, message, details);
export const upstream = (code: string, message: string) => new DomainError('upstream', code, message);

export const portalDisabled = () =>
  forbidden('portal_disabled', 'The Client Portal add-on is switched off for this account.');
