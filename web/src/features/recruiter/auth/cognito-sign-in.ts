import type { CognitoConfig } from './auth-config.ts';
import type { Renew, Tokens } from './session.ts';

/** The Cognito managed-login module's contract (authorization code with PKCE). */
interface CognitoTokens {
  idToken: string;
  refreshToken?: string;
  /** Milliseconds or seconds since the epoch, an ISO string, or a Date. */
  expiresAt: number | string | Date;
}
interface CognitoPkce {
  startCognitoSignIn(config: CognitoConfig): Promise<void> | void;
  completeCognitoSignIn(config: CognitoConfig, url: string): Promise<CognitoTokens>;
  refreshCognitoTokens(config: CognitoConfig, refreshToken: string): Promise<CognitoTokens>;
  revokeRefreshToken(config: CognitoConfig, token: string): Promise<void>;
}

// A glob, not an import: a build without the Cognito module still compiles, and offers no Cognito sign-in.
const modules = import.meta.glob<CognitoPkce>('./cognito-pkce.ts', { import: '*' });

async function pkce(): Promise<CognitoPkce> {
  const load = modules['./cognito-pkce.ts'];
  if (!load) throw new Error('This build has no Cognito sign-in.');
  return load();
}

function millis(expiresAt: CognitoTokens['expiresAt']): number {
  if (expiresAt instanceof Date) return expiresAt.getTime();
  if (typeof expiresAt === 'string') return Date.parse(expiresAt);
  return expiresAt < 1e12 ? expiresAt * 1000 : expiresAt;
}

const tokensOf = (t: CognitoTokens, previous?: Tokens): Tokens => {
  const refreshToken = t.refreshToken ?? previous?.refreshToken;
  return { idToken: t.idToken, expiresAt: millis(t.expiresAt), ...(refreshToken ? { refreshToken } : {}) };
};

/** Where to come back to after the round trip through the managed login (a path, not a secret). */
const returnKey = 'recruiter-console:return-to';

export async function startCognito(config: CognitoConfig) {
  sessionStorage.setItem(returnKey, window.location.pathname + window.location.search);
  await (await pkce()).startCognitoSignIn(config);
}

/** True when this URL is the managed login coming back with a code (or an error). */
export function isCognitoCallback(url: URL, config: CognitoConfig) {
  const redirect = new URL(config.redirectUri, url.origin);
  return (
    url.pathname === redirect.pathname && (url.searchParams.has('code') || url.searchParams.has('error'))
  );
}

/** Exchanges the code; answers the tokens and the path the recruiter started from. */
export async function completeCognito(config: CognitoConfig, url: string) {
  const tokens = tokensOf(await (await pkce()).completeCognitoSignIn(config, url));
  const returnTo = sessionStorage.getItem(returnKey) ?? '/recruiter';
  sessionStorage.removeItem(returnKey);
  return { tokens, returnTo: returnTo.startsWith('/recruiter') ? returnTo : '/recruiter' };
}

export const renewCognito =
  (config: CognitoConfig): Renew =>
  async (current) => {
    if (!current.refreshToken) throw new Error('No refresh token: sign in again.');
    return tokensOf(await (await pkce()).refreshCognitoTokens(config, current.refreshToken), current);
  };

/** The managed login's logout endpoint, which ends its own session too and comes back to logoutUri. */
export function cognitoLogoutUrl(config: CognitoConfig) {
  // The domain as configured (https in AWS; a local stand-in may be http); a bare host name gets https.
  const base = /^https?:\/\//.test(config.domain) ? config.domain : `https://${config.domain}`;
  const url = new URL('/logout', base);
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('logout_uri', config.logoutUri);
  return url.toString();
}

/**
 * Sign-out in AWS: the refresh token is revoked first (else it could renew for its 12 hours), then
 * the managed login ends its own session and comes back. A failed revocation still signs out here.
 */
export async function signOutOfCognito(config: CognitoConfig, refreshToken: string | undefined) {
  if (refreshToken) await (await pkce()).revokeRefreshToken(config, refreshToken).catch(() => undefined);
  window.location.assign(cognitoLogoutUrl(config));
}
