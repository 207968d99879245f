/**
 * Signing recruiters in with Cognito's managed login: OAuth 2.0 authorization code with PKCE
 * (RFC 7636, S256) for a public client. Dependency-free: Web Crypto, fetch, URL.
 *
 *   startCognitoSignIn(config, options?)   Promise<void>
 *     Makes a fresh code verifier and state, keeps them in sessionStorage for the redirect round
 *     trip only, and sends the browser to <domain>/oauth2/authorize. `options.returnTo` (a path of
 *     this origin) comes back from completeCognitoSignIn.
 *   completeCognitoSignIn(config, url)     Promise<CognitoTokens & { returnTo?: string }>
 *     On the callback page (`url` = location.href): checks the state, exchanges the code for tokens
 *     at <domain>/oauth2/token with the verifier, and clears what startCognitoSignIn stored, whatever
 *     the outcome (a code and a verifier are single use).
 *   refreshCognitoTokens(config, refreshToken)   Promise<CognitoTokens>
 *     New ID token before the current one expires (cognitoRenewalDelay says when). Fails with
 *     `invalid_grant` once the refresh token has expired or was revoked, or the user is disabled.
 *   revokeRefreshToken(config, refreshToken)     Promise<void>
 *     On sign-out: the refresh token (and the tokens issued with it) stop working at once.
 *   cognitoSignOutUrl(config)              string
 *     Where to send the browser last, to end the managed login session too.
 *
 * Tokens are returned, never stored: the caller keeps them in memory (never localStorage). Every
 * failure is a CognitoAuthError with an OAuth-style `code` and a message a person can read.
 * This is the Cognito protocol, not the project's API, so its types are written here by hand.
 */

import {
  CognitoAuthError,
  describeOAuthError,
  invalidResponse,
  oauthError,
  postForm,
  tokenRequest,
} from './cognito-token-endpoint.ts';

export { CognitoAuthError } from './cognito-token-endpoint.ts';

/** `/auth-config.json` in AWS (lib/auth-config.ts writes it). */
export interface CognitoConfig {
  mode?: 'cognito';
  /** `https://<prefix>.auth.<region>.amazoncognito.com` */
  domain: string;
  clientId: string;
  /** `<portal>/recruiter/callback`: must be one of the app client's callback URLs. */
  redirectUri: string;
  /** `<portal>/recruiter`: must be one of the app client's sign-out URLs. */
  logoutUri: string;
}

export interface CognitoTokens {
  /** The bearer token for /crm: it carries custom:accountId, custom:role and the name claims. */
  idToken: string;
  refreshToken: string;
  /** When the ID token expires, in epoch milliseconds of this browser's clock. */
  expiresAt: number;
}

export const cognitoScopes = ['openid', 'email', 'profile'] as const;
/** Renew this long before the ID token expires, so a slow network never sends an expired one. */
export const renewalMargin = 60_000;
const pendingKey = 'client-portal.cognito-sign-in';

interface PendingSignIn {
  state: string;
  verifier: string;
  returnTo?: string;
}

/** The browser globals used, typed structurally so the module also type-checks outside a DOM build. */
interface BrowserGlobals {
  sessionStorage: {
    getItem(key: string): string | null;
    setItem(key: string, value: string): void;
    removeItem(key: string): void;
  };
  location: { assign(url: string): void };
}
const browser = () => globalThis as unknown as BrowserGlobals;

export async function startCognitoSignIn(
  config: CognitoConfig,
  options: { returnTo?: string } = {},
): Promise<void> {
  const pending: PendingSignIn = { state: randomToken(), verifier: randomToken() };
  const returnTo = samePath(options.returnTo);
  if (returnTo) pending.returnTo = returnTo;
  browser().sessionStorage.setItem(pendingKey, JSON.stringify(pending));

  const url = new URL(`${base(config)}/oauth2/authorize`);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    scope: cognitoScopes.join(' '),
    state: pending.state,
    code_challenge: await pkceChallenge(pending.verifier),
    code_challenge_method: 'S256',
  }).toString();
  browser().location.assign(url.toString());
}

export async function completeCognitoSignIn(
  config: CognitoConfig,
  url: string,
): Promise<CognitoTokens & { returnTo?: string }> {
  const params = new URL(url).searchParams;
  const pending = takePending();
  if (!pending)
    throw new CognitoAuthError(
      'no_pending_sign_in',
      'This sign-in was not started here, or has already been used. Sign in again.',
    );
  if (params.get('state') !== pending.state)
    throw new CognitoAuthError(
      'state_mismatch',
      'This sign-in answer does not belong to the sign-in this browser started. Sign in again.',
    );
  const error = params.get('error');
  if (error) throw new CognitoAuthError(error, describeOAuthError(error));
  const code = params.get('code');
  if (!code)
    throw new CognitoAuthError(
      'missing_code',
      'The sign-in answer has no authorization code. Sign in again.',
    );

  const tokens = await tokenRequest(`${base(config)}/oauth2/token`, {
    grant_type: 'authorization_code',
    client_id: config.clientId,
    code,
    redirect_uri: config.redirectUri,
    code_verifier: pending.verifier,
  });
  if (!tokens.refreshToken) throw invalidResponse();
  const result = { idToken: tokens.idToken, refreshToken: tokens.refreshToken, expiresAt: tokens.expiresAt };
  return pending.returnTo ? { ...result, returnTo: pending.returnTo } : result;
}

export async function refreshCognitoTokens(
  config: CognitoConfig,
  refreshToken: string,
): Promise<CognitoTokens> {
  const tokens = await tokenRequest(`${base(config)}/oauth2/token`, {
    grant_type: 'refresh_token',
    client_id: config.clientId,
    refresh_token: refreshToken,
  });
  // With refresh token rotation Cognito sends a new one; without, the current one stays valid.
  return {
    idToken: tokens.idToken,
    refreshToken: tokens.refreshToken ?? refreshToken,
    expiresAt: tokens.expiresAt,
  };
}

export async function revokeRefreshToken(config: CognitoConfig, token: string): Promise<void> {
  const response = await postForm(`${base(config)}/oauth2/revoke`, { token, client_id: config.clientId });
  if (!response.ok) throw await oauthError(response);
}

export function cognitoSignOutUrl(config: CognitoConfig): string {
  const url = new URL(`${base(config)}/logout`);
  url.search = new URLSearchParams({ client_id: config.clientId, logout_uri: config.logoutUri }).toString();
  return url.toString();
}

/** Milliseconds until tokens should be renewed: `renewalMargin` before they expire, never negative. */
export const cognitoRenewalDelay = (tokens: Pick<CognitoTokens, 'expiresAt'>, now = Date.now()) =>
  Math.max(0, tokens.expiresAt - renewalMargin - now);

/** RFC 7636 S256: BASE64URL(SHA-256(ASCII(code_verifier))). */
export async function pkceChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

/** 256 random bits, base64url: 43 characters, as RFC 7636 recommends for a verifier. */
function randomToken(): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const base = (config: CognitoConfig) => config.domain.replace(/\/+$/, '');

/** Only a path of this origin (not `//host`, not a URL): the callback must not become an open redirect. */
function samePath(path: string | undefined): string | undefined {
  return path && path.startsWith('/') && !path.startsWith('//') && !path.includes('\\') ? path : undefined;
}

function takePending(): PendingSignIn | undefined {
  const storage = browser().sessionStorage;
  const text = storage.getItem(pendingKey);
  storage.removeItem(pendingKey);
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Partial<PendingSignIn>;
    if (typeof value.state !== 'string' || typeof value.verifier !== 'string') return undefined;
    return { state: value.state, verifier: value.verifier, returnTo: samePath(value.returnTo) };
  } catch {
    return undefined;
  }
}
