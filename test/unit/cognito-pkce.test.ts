import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type CognitoConfig,
  CognitoAuthError,
  cognitoRenewalDelay,
  cognitoSignOutUrl,
  completeCognitoSignIn,
  pkceChallenge,
  refreshCognitoTokens,
  revokeRefreshToken,
  startCognitoSignIn,
} from '../../web/src/features/recruiter/auth/cognito-pkce.ts';
import { type FakeCognito, fakeTokenLifetimeSeconds, startFakeCognito } from '../support/fake-cognito.ts';

// RFC 7636, appendix B: these 32 octets, their base64url verifier, and its S256 challenge.
const rfcOctets = [
  116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214, 191,
  240, 91, 88, 5, 88, 83, 132, 141, 121,
];
const rfcVerifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const rfcChallenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

let cognito: FakeCognito;
let config: CognitoConfig;
let session: Map<string, string>;
let redirects: string[];

const memoryStorage = (items: Map<string, string>) => ({
  getItem: (key: string) => items.get(key) ?? null,
  setItem: (key: string, value: string) => void items.set(key, String(value)),
  removeItem: (key: string) => void items.delete(key),
});

/** The browser leaves for managed login; the user signs in; Cognito sends it back to the callback. */
async function signIn(options: { returnTo?: string; user?: string } = {}) {
  await startCognitoSignIn(config, options);
  const authorizeUrl = redirects.at(-1)!;
  const state = new URL(authorizeUrl).searchParams.get('state')!;
  const code = cognito.authorize(authorizeUrl, options.user);
  return { authorizeUrl, callbackUrl: `${config.redirectUri}?code=${code}&state=${state}` };
}

beforeAll(async () => {
  cognito = await startFakeCognito();
  config = {
    mode: 'cognito',
    domain: cognito.domain,
    clientId: cognito.clientId,
    redirectUri: 'https://portal.agency.test/recruiter/callback',
    logoutUri: 'https://portal.agency.test/recruiter',
  };
});
afterAll(() => cognito.close());

beforeEach(() => {
  session = new Map();
  redirects = [];
  cognito.requests.length = 0;
  vi.stubGlobal('sessionStorage', memoryStorage(session));
  vi.stubGlobal('location', { assign: (url: string) => void redirects.push(url) });
  // Tokens never go to localStorage: any use of it fails the test.
  vi.stubGlobal('localStorage', new Proxy({}, { get: () => expect.fail('localStorage was used') }));
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('PKCE', () => {
  it('derives the S256 challenge of RFC 7636 appendix B', async () => {
    expect(await pkceChallenge(rfcVerifier)).toBe(rfcChallenge);
  });

  it('turns 256 random bits into the RFC verifier and sends its challenge, and the verifier to the token endpoint', async () => {
    vi.spyOn(crypto, 'getRandomValues').mockImplementation((array) => {
      new Uint8Array(array.buffer, array.byteOffset, array.byteLength).set(rfcOctets);
      return array;
    });
    const { authorizeUrl, callbackUrl } = await signIn();
    const params = new URL(authorizeUrl).searchParams;
    expect(params.get('code_challenge')).toBe(rfcChallenge);
    expect(params.get('code_challenge_method')).toBe('S256');

    await completeCognitoSignIn(config, callbackUrl);
    expect(cognito.requests.at(-1)?.form.code_verifier).toBe(rfcVerifier);
  });

  it('makes a fresh verifier and state for every sign-in', async () => {
    const first = new URL((await signIn()).authorizeUrl).searchParams;
    const second = new URL((await signIn()).authorizeUrl).searchParams;
    expect(first.get('state')).not.toBe(second.get('state'));
    expect(first.get('code_challenge')).not.toBe(second.get('code_challenge'));
    expect(first.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('startCognitoSignIn', () => {
  it('sends the browser to the authorize endpoint for a code, with the scopes, state and challenge', async () => {
    const { authorizeUrl } = await signIn();
    const url = new URL(authorizeUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${cognito.domain}/oauth2/authorize`);
    expect(url.search).toContain('scope=openid+email+profile');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: cognito.clientId,
      redirect_uri: config.redirectUri,
      scope: 'openid email profile',
      state: expect.any(String),
      code_challenge: expect.any(String),
      code_challenge_method: 'S256',
    });
  });

  it('keeps only the state and verifier in sessionStorage, for the round trip, and never a token', async () => {
    const { callbackUrl } = await signIn();
    const [stored, ...others] = [...session.values()];
    expect(others).toEqual([]);
    expect(Object.keys(JSON.parse(stored!)).sort()).toEqual(['state', 'verifier']);

    const tokens = await completeCognitoSignIn(config, callbackUrl);
    expect(session.size).toBe(0);
    expect(JSON.stringify([...session])).not.toContain(tokens.idToken);
  });
});

describe('completeCognitoSignIn', () => {
  it('exchanges the code and the verifier for an ID token, a refresh token and the expiry', async () => {
    const { callbackUrl } = await signIn({ user: 'ada' });
    const before = Date.now();
    const tokens = await completeCognitoSignIn(config, callbackUrl);
    expect(tokens.idToken).toMatch(/^id-ada\./);
    expect(tokens.refreshToken).toMatch(/^refresh\./);
    expect(tokens.expiresAt).toBeGreaterThanOrEqual(before + fakeTokenLifetimeSeconds * 1000 - 1000);
    expect(tokens.expiresAt).toBeLessThanOrEqual(Date.now() + fakeTokenLifetimeSeconds * 1000);
    expect(cognito.requests.at(-1)).toMatchObject({
      path: '/oauth2/token',
      contentType: 'application/x-www-form-urlencoded',
      form: {
        grant_type: 'authorization_code',
        client_id: cognito.clientId,
        redirect_uri: config.redirectUri,
      },
    });
  });

  it('refuses an answer whose state is not the one this browser sent, without calling the token endpoint', async () => {
    const { callbackUrl } = await signIn();
    const forged = callbackUrl.replace(/state=[^&]+/, 'state=someone-elses-state');
    await expect(completeCognitoSignIn(config, forged)).rejects.toMatchObject({ code: 'state_mismatch' });
    expect(cognito.requests).toEqual([]);
    // The pending sign-in is gone: the genuine answer cannot be used after a forged one either.
    await expect(completeCognitoSignIn(config, callbackUrl)).rejects.toMatchObject({
      code: 'no_pending_sign_in',
    });
  });

  it('uses a sign-in once: the same callback again is refused', async () => {
    const { callbackUrl } = await signIn();
    await completeCognitoSignIn(config, callbackUrl);
    const again = completeCognitoSignIn(config, callbackUrl);
    await expect(again).rejects.toBeInstanceOf(CognitoAuthError);
    await expect(again).rejects.toMatchObject({ code: 'no_pending_sign_in' });
  });

  it("says in words why Cognito refused, and not in Cognito's own description", async () => {
    const { callbackUrl } = await signIn();
    const state = new URL(callbackUrl).searchParams.get('state')!;
    const refused = `${config.redirectUri}?error=access_denied&error_description=Injected+text&state=${state}`;
    const error = await completeCognitoSignIn(config, refused).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'access_denied', message: expect.stringMatching(/Sign in again/) });
    expect((error as Error).message).not.toContain('Injected');
  });

  it('brings the person back to the page they asked for, only if it is a path of this origin', async () => {
    const deep = await signIn({ returnTo: '/recruiter/contacts/01J?tab=audit' });
    expect((await completeCognitoSignIn(config, deep.callbackUrl)).returnTo).toBe(
      '/recruiter/contacts/01J?tab=audit',
    );
    for (const returnTo of ['//evil.test/x', 'https://evil.test/', '/\\evil.test']) {
      const away = await signIn({ returnTo });
      expect(await completeCognitoSignIn(config, away.callbackUrl)).not.toHaveProperty('returnTo');
    }
  });
});

describe('renewal and sign-out', () => {
  it('renews with the refresh token and keeps it when Cognito sends no new one', async () => {
    const signedIn = await completeCognitoSignIn(config, (await signIn()).callbackUrl);
    const renewed = await refreshCognitoTokens(config, signedIn.refreshToken);
    expect(renewed.idToken).not.toBe(signedIn.idToken);
    expect(renewed.refreshToken).toBe(signedIn.refreshToken);
    expect(renewed.expiresAt).toBeGreaterThanOrEqual(signedIn.expiresAt);
    expect(cognito.requests.at(-1)?.form).toEqual({
      grant_type: 'refresh_token',
      client_id: cognito.clientId,
      refresh_token: signedIn.refreshToken,
    });
  });

  it('a disabled recruiter cannot renew: the refresh fails with invalid_grant', async () => {
    const signedIn = await completeCognitoSignIn(config, (await signIn({ user: 'bob' })).callbackUrl);
    cognito.disable('bob');
    await expect(refreshCognitoTokens(config, signedIn.refreshToken)).rejects.toMatchObject({
      code: 'invalid_grant',
      message: expect.stringMatching(/Sign in again/),
    });
  });

  it('revokes the refresh token on sign-out, so it cannot renew afterwards', async () => {
    const signedIn = await completeCognitoSignIn(config, (await signIn()).callbackUrl);
    await revokeRefreshToken(config, signedIn.refreshToken);
    expect(cognito.requests.at(-1)).toMatchObject({
      path: '/oauth2/revoke',
      form: { token: signedIn.refreshToken, client_id: cognito.clientId },
    });
    await expect(refreshCognitoTokens(config, signedIn.refreshToken)).rejects.toMatchObject({
      code: 'invalid_grant',
    });
  });

  it('ends the managed login session at /logout and comes back to the console', () => {
    expect(cognitoSignOutUrl({ ...config, domain: 'https://acme.auth.eu-west-1.amazoncognito.com/' })).toBe(
      `https://acme.auth.eu-west-1.amazoncognito.com/logout?client_id=${cognito.clientId}` +
        '&logout_uri=https%3A%2F%2Fportal.agency.test%2Frecruiter',
    );
  });

  it('schedules renewal a minute before the ID token expires, at once when it is later than that', () => {
    const now = 1_000_000;
    expect(cognitoRenewalDelay({ expiresAt: now + 5 * 60_000 }, now)).toBe(4 * 60_000);
    expect(cognitoRenewalDelay({ expiresAt: now + 30_000 }, now)).toBe(0);
  });

  it('says so when the sign-in service cannot be reached', async () => {
    const closed = await startFakeCognito();
    await closed.close();
    await expect(refreshCognitoTokens({ ...config, domain: closed.domain }, 'r')).rejects.toMatchObject({
      code: 'network_error',
    });
  });
});
