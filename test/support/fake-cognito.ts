import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Cognito's token and revocation endpoints, played by a local HTTP server for the browser module's
 * unit tests: it checks PKCE with its own SHA-256 (node:crypto, not the module's Web Crypto), makes
 * codes single use and bound to client and redirect URI, refuses refresh for a revoked token or a
 * disabled user with `invalid_grant`, and answers CORS the way the real endpoints do.
 */
export interface FakeCognito {
  /** `http://127.0.0.1:<port>`: the `domain` of the config. */
  domain: string;
  clientId: string;
  /** Every request to /oauth2/*, in order, with its parsed form. */
  requests: { path: string; contentType: string | undefined; form: Record<string, string> }[];
  /** What managed login does once the user has signed in: a code for this authorize request. */
  authorize(authorizeUrl: string, user?: string): string;
  disable(user: string): void;
  close(): Promise<void>;
}

interface Grant {
  challenge: string;
  redirectUri: string;
  user: string;
}

export const fakeTokenLifetimeSeconds = 300;

export async function startFakeCognito(clientId = 'console-client'): Promise<FakeCognito> {
  const codes = new Map<string, Grant>();
  const refreshTokens = new Map<string, { user: string; revoked: boolean }>();
  const disabled = new Set<string>();
  const requests: FakeCognito['requests'] = [];
  const token = (kind: string) => `${kind}.${randomBytes(16).toString('base64url')}`;

  const issue = (user: string, withRefresh: boolean) => {
    const answer: Record<string, unknown> = {
      id_token: token(`id-${user}`),
      access_token: token('access'),
      expires_in: fakeTokenLifetimeSeconds,
      token_type: 'Bearer',
    };
    if (withRefresh) {
      const refresh = token('refresh');
      refreshTokens.set(refresh, { user, revoked: false });
      answer.refresh_token = refresh;
    }
    return answer;
  };

  const handle = (path: string, form: Record<string, string>): [number, unknown] => {
    if (form.client_id !== clientId) return [400, { error: 'invalid_client' }];
    if (path === '/oauth2/revoke') {
      const known = refreshTokens.get(form.token ?? '');
      if (known) known.revoked = true;
      return [200, undefined];
    }
    if (path !== '/oauth2/token') return [404, { error: 'not_found' }];
    if (form.grant_type === 'authorization_code') {
      const grant = codes.get(form.code ?? '');
      codes.delete(form.code ?? '');
      if (!grant || grant.redirectUri !== form.redirect_uri) return [400, { error: 'invalid_grant' }];
      const challenge = createHash('sha256')
        .update(form.code_verifier ?? '')
        .digest('base64url');
      if (challenge !== grant.challenge) return [400, { error: 'invalid_grant' }];
      return [200, issue(grant.user, true)];
    }
    if (form.grant_type === 'refresh_token') {
      const known = refreshTokens.get(form.refresh_token ?? '');
      if (!known || known.revoked || disabled.has(known.user)) return [400, { error: 'invalid_grant' }];
      return [200, issue(known.user, false)];
    }
    return [400, { error: 'unsupported_grant_type' }];
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://fake').pathname;
      const contentType = req.headers['content-type'];
      const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      requests.push({ path, contentType, form });
      const [status, body] =
        req.method === 'POST' && contentType === 'application/x-www-form-urlencoded'
          ? handle(path, form)
          : [400, { error: 'invalid_request' }];
      res.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
      res.end(body === undefined ? '' : JSON.stringify(body));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const domain = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    domain,
    clientId,
    requests,
    authorize(authorizeUrl, user = 'recruiter-1') {
      const params = new URL(authorizeUrl).searchParams;
      if (params.get('client_id') !== clientId || params.get('code_challenge_method') !== 'S256')
        throw new Error(`The fake refuses this authorize request: ${authorizeUrl}`);
      const code = randomBytes(16).toString('hex');
      codes.set(code, {
        challenge: params.get('code_challenge')!,
        redirectUri: params.get('redirect_uri')!,
        user,
      });
      return code;
    },
    disable: (user) => void disabled.add(user),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
