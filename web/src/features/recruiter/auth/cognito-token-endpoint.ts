/**
 * The HTTP side of Cognito's OAuth 2.0 endpoints for cognito-pkce.ts: form posts, token answers
 * checked before use, and errors turned into CognitoAuthError with words a person can read.
 */

export class CognitoAuthError extends Error {
  override readonly name = 'CognitoAuthError';
  /** `state_mismatch`, `no_pending_sign_in`, `missing_code`, `network_error`, `invalid_response`, or Cognito's own (`invalid_grant`, `access_denied`, …). */
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

export interface TokenAnswer {
  idToken: string;
  refreshToken?: string;
  expiresAt: number;
}

export async function tokenRequest(url: string, form: Record<string, string>): Promise<TokenAnswer> {
  const sentAt = Date.now();
  const response = await postForm(url, form);
  if (!response.ok) throw await oauthError(response);
  let body: { id_token?: unknown; refresh_token?: unknown; expires_in?: unknown };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw invalidResponse();
  }
  const { id_token: idToken, refresh_token: refreshToken, expires_in: expiresIn } = body;
  if (typeof idToken !== 'string' || typeof expiresIn !== 'number' || expiresIn <= 0) throw invalidResponse();
  if (refreshToken !== undefined && typeof refreshToken !== 'string') throw invalidResponse();
  // Counted from when the request left, on this browser's clock: a skewed clock cannot stretch it.
  return { idToken, refreshToken, expiresAt: sentAt + expiresIn * 1000 };
}

export async function postForm(url: string, form: Record<string, string>): Promise<Response> {
  try {
    return await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams(form).toString(),
      credentials: 'omit',
    });
  } catch {
    throw new CognitoAuthError(
      'network_error',
      'The sign-in service could not be reached. Check your connection and try again.',
    );
  }
}

export async function oauthError(response: Response): Promise<CognitoAuthError> {
  let code = `http_${response.status}`;
  try {
    const body = (await response.json()) as { error?: unknown };
    if (typeof body.error === 'string' && body.error) code = body.error;
  } catch {
    // Not JSON: the status is all there is to say.
  }
  return new CognitoAuthError(code, describeOAuthError(code));
}

export const invalidResponse = () =>
  new CognitoAuthError(
    'invalid_response',
    'The sign-in service gave an answer this page does not understand. Sign in again.',
  );

/** Cognito's error codes (RFC 6749 §4.1.2.1 and §5.2) in words; the description Cognito sends is not shown to people. */
export function describeOAuthError(code: string): string {
  switch (code) {
    case 'invalid_grant':
      return 'Your sign-in has expired or was ended. Sign in again.';
    case 'access_denied':
      return 'Sign-in was cancelled or refused. Sign in again, or ask your administrator.';
    case 'invalid_client':
    case 'unauthorized_client':
    case 'invalid_scope':
    case 'unsupported_response_type':
      return 'The recruiter console is not set up for this sign-in service. Tell your administrator.';
    default:
      return 'Signing in did not work. Sign in again.';
  }
}
