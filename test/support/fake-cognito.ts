import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { idTokenClaims, type RecruiterClaims, signToken, type SigningKey } from '../../local/jwt-issuer.ts';

/**
 * Cognito's managed-login domain, played by a local HTTP server: the authorize endpoint (it signs
 * the chosen user in at once and redirects back with a code), the token and revocation endpoints,
 * and /logout. It checks PKCE with its own SHA-256 (node:crypto, not the browser module's Web
 * Crypto), makes codes single use and bound to client and redirect URI, refuses refresh for a
 * revoked token or a disabled user with `invalid_grant`, and answers CORS the way the real endpoints
 * do.
 *
 * ID tokens are opaque `id-<user>.…` strings, or, given `signing`, JWTs with the claims a Cognito ID
 * token of the recruiter pool carries (local/jwt-issuer.ts `idTokenClaims`: custom:accountId,
 * custom:role, email, name), `aud` the client id and `exp` the token lifetime. Signed with the
 * local stack's key and issuer, the local API accepts them as it would the pool's in AWS.
 */
export interface FakeCognito {
  /** `http://127.0.0.1:<port>`: the `domain` of the config. */
  domain: string;
  clientId: string;
  /** Every request to the domain, in order: the parsed form of a POST, the query of a GET. */
  requests: {
    method: string;
    path: string;
    contentType: string | undefined;
    form: Record<string, string>;
  }[];
  /** Every token answer, in order. */
  issued: {
    grant: 'authorization_code' | 'refresh_token';
    user: string;
    idToken: string;
    refreshToken?: string;
  }[];
  /** What managed login does once the user has signed in: a code for this authorize request. */
  authorize(authorizeUrl: string, user?: string): string;
  /** Who signs in when a browser opens /oauth2/authorize (default `recruiter-1`). */
  signInAs(user: string): void;
  /** The app client's callback and sign-out URLs: from now on /oauth2/authorize and /logout refuse others. */
  allow(urls: { redirectUri: string; logoutUri: string }): void;
  /** Token answers wait until the returned function is called (to see the page while it waits). */
  holdTokenAnswers(): () => void;
  disable(user: string): void;
  close(): Promise<void>;
}

export interface FakeCognitoOptions {
  clientId?: string;
  /** `expires_in` of every token answer, and the JWTs' lifetime. Default 300 s, as the pool's. */
  tokenLifetimeSeconds?: number;
  /** Mint JWT ID tokens, signed with this key for this issuer; `users` gives their claims. */
  signing?: { issuer: string; key: SigningKey };
  /** The users managed login knows, by user name: what their ID tokens say. */
  users?: Record<string, RecruiterClaims>;
}

interface Grant {
  challenge: string;
  redirectUri: string;
  user: string;
}

export const fakeTokenLifetimeSeconds = 300;

export async function startFakeCognito(options: FakeCognitoOptions = {}): Promise<FakeCognito> {
  const clientId = options.clientId ?? 'console-client';
  const lifetime = options.tokenLifetimeSeconds ?? fakeTokenLifetimeSeconds;
  const codes = new Map<string, Grant>();
  const refreshTokens = new Map<string, { user: string; revoked: boolean }>();
  const disabled = new Set<string>();
  // A user's `sub` stays the same from token to token, as in a user pool.
  const subs = new Map<string, string>();
  const requests: FakeCognito['requests'] = [];
  const issued: FakeCognito['issued'] = [];
  let allowed: { redirectUri: string; logoutUri: string } | undefined;
  let managedLoginUser = 'recruiter-1';
  let hold: Promise<void> | undefined;
  const token = (kind: string) => `${kind}.${randomBytes(16).toString('base64url')}`;

  const idToken = async (user: string) => {
    if (!options.signing) return token(`id-${user}`);
    const claims = options.users?.[user];
    if (!claims) throw new Error(`The fake Cognito has no user ${user}`);
    let sub = subs.get(user);
    if (!sub) subs.set(user, (sub = randomUUID()));
    return signToken(
      options.signing.key,
      { ...idTokenClaims(claims), sub, 'cognito:username': sub },
      { issuer: options.signing.issuer, audience: clientId, expiresInSeconds: lifetime },
    );
  };

  const issue = async (grant: FakeCognito['issued'][number]['grant'], user: string) => {
    const answer: Record<string, unknown> = {
      id_token: await idToken(user),
      access_token: token('access'),
      expires_in: lifetime,
      token_type: 'Bearer',
    };
    const record: FakeCognito['issued'][number] = { grant, user, idToken: answer.id_token as string };
    if (grant === 'authorization_code') {
      const refresh = token('refresh');
      refreshTokens.set(refresh, { user, revoked: false });
      answer.refresh_token = refresh;
      record.refreshToken = refresh;
    }
    issued.push(record);
    return answer;
  };

  const newCode = (params: URLSearchParams, user: string) => {
    if (params.get('client_id') !== clientId || params.get('code_challenge_method') !== 'S256')
      return undefined;
    const redirectUri = params.get('redirect_uri') ?? '';
    if (allowed && redirectUri !== allowed.redirectUri) return undefined;
    const code = randomBytes(16).toString('hex');
    codes.set(code, { challenge: params.get('code_challenge') ?? '', redirectUri, user });
    return code;
  };

  const handle = async (path: string, form: Record<string, string>): Promise<[number, unknown]> => {
    if (form.client_id !== clientId) return [400, { error: 'invalid_client' }];
    if (path === '/oauth2/revoke') {
      const known = refreshTokens.get(form.token ?? '');
      if (known) known.revoked = true;
      return [200, undefined];
    }
    if (path !== '/oauth2/token') return [404, { error: 'not_found' }];
    await hold;
    if (form.grant_type === 'authorization_code') {
      const grant = codes.get(form.code ?? '');
      codes.delete(form.code ?? '');
      if (!grant || grant.redirectUri !== form.redirect_uri) return [400, { error: 'invalid_grant' }];
      const challenge = createHash('sha256')
        .update(form.code_verifier ?? '')
        .digest('base64url');
      if (challenge !== grant.challenge) return [400, { error: 'invalid_grant' }];
      return [200, await issue('authorization_code', grant.user)];
    }
    if (form.grant_type === 'refresh_token') {
      const known = refreshTokens.get(form.refresh_token ?? '');
      if (!known || known.revoked || disabled.has(known.user)) return [400, { error: 'invalid_grant' }];
      return [200, await issue('refresh_token', known.user)];
    }
    return [400, { error: 'unsupported_grant_type' }];
  };

  /** The browser's visits: managed login (signed in at once) and its sign-out. */
  const visit = (path: string, params: URLSearchParams): { status: number; location?: string } => {
    if (path === '/oauth2/authorize') {
      const code = params.get('response_type') === 'code' ? newCode(params, managedLoginUser) : undefined;
      if (!code) return { status: 400 };
      const back = new URL(params.get('redirect_uri')!);
      back.searchParams.set('code', code);
      const state = params.get('state');
      if (state !== null) back.searchParams.set('state', state);
      return { status: 302, location: back.toString() };
    }
    if (path === '/logout') {
      const logoutUri = params.get('logout_uri') ?? '';
      if (params.get('client_id') !== clientId || (allowed && logoutUri !== allowed.logoutUri))
        return { status: 400 };
      return { status: 302, location: logoutUri };
    }
    return { status: 404 };
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const method = req.method ?? 'GET';
      const contentType = req.headers['content-type'];
      if (method === 'GET') {
        requests.push({
          method,
          path: url.pathname,
          contentType,
          form: Object.fromEntries(url.searchParams),
        });
        const { status, location } = visit(url.pathname, url.searchParams);
        res.writeHead(status, location ? { location } : { 'content-type': 'text/plain' });
        res.end(location ? '' : 'The fake Cognito refuses this request.');
        return;
      }
      const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      requests.push({ method, path: url.pathname, contentType, form });
      const answer: Promise<[number, unknown]> =
        method === 'POST' && contentType === 'application/x-www-form-urlencoded'
          ? handle(url.pathname, form)
          : Promise.resolve([400, { error: 'invalid_request' }]);
      void answer
        .catch((error: unknown): [number, unknown] => {
          console.error('fake Cognito:', error);
          return [500, { error: 'server_error' }];
        })
        .then(([status, body]) => {
          res.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
          res.end(body === undefined ? '' : JSON.stringify(body));
        });
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const domain = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    domain,
    clientId,
    requests,
    issued,
    authorize(authorizeUrl, user = managedLoginUser) {
      const code = newCode(new URL(authorizeUrl).searchParams, user);
      if (!code) throw new Error(`The fake refuses this authorize request: ${authorizeUrl}`);
      return code;
    },
    signInAs: (user) => void (managedLoginUser = user),
    allow: (urls) => void (allowed = { ...urls }),
    holdTokenAnswers() {
      let release = () => {};
      hold = new Promise<void>((resolve) => (release = resolve));
      return () => {
        hold = undefined;
        release();
      };
    },
    disable: (user) => void disabled.add(user),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
