import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApiServer } from '../../local/api-server.ts';
import { securityHeaders } from '../../shared/http/security-headers.ts';
import type { Route } from '../../shared/api/routes.ts';
import { api, newAccountId, recruiterToken, stackInfo } from '../support/api.ts';
import { webFixture } from '../support/web-fixture.ts';

const fixture = (file: string) => readFile(join(webFixture, file), 'utf8');

/** A request sent exactly as written: fetch would normalise `..` away before it left. */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(stackInfo().appUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: hostname === 'localhost' ? '127.0.0.1' : hostname, port, path, method: 'GET' },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('local server: the web app on the API origin', () => {
  it('page routes fall back to the app: index.html, revalidated on every load', async () => {
    const index = await fixture('index.html');
    for (const path of [
      '/',
      '/signup?token=abc',
      '/login',
      '/login/continue?token=abc',
      '/app',
      '/app/jobs/01JJOB',
      '/recruiter',
      '/recruiter/requisitions',
      '/docs/api',
    ]) {
      const res = await api('GET', path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
      expect(res.text, path).toBe(index);
    }
  });

  it('an asset is served with its content type and cached for good; HEAD answers the same without a body', async () => {
    const css = await fixture('assets/app-3f9a1c.css');
    const res = await api('GET', '/assets/app-3f9a1c.css');
    expect([res.status, res.headers.get('content-type'), res.text]).toEqual([
      200,
      'text/css; charset=utf-8',
      css,
    ]);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const head = await fetch(`${stackInfo().appUrl}/assets/app-3f9a1c.css`, { method: 'HEAD' });
    expect([head.status, head.headers.get('content-type'), head.headers.get('content-length')]).toEqual([
      200,
      'text/css; charset=utf-8',
      String(Buffer.byteLength(css)),
    ]);
    expect(await head.text()).toBe('');
  });

  it('/openapi.json is a file of the web build; other files are revalidated', async () => {
    const res = await api('GET', '/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.json.openapi).toBe('3.1.0');
    expect((await api('GET', '/robots.txt')).headers.get('content-type')).toBe('text/plain; charset=utf-8');
  });

  it('a missing file with an extension is a 404, never the app', async () => {
    for (const path of ['/assets/app-000000.js', '/favicon.ico']) {
      const res = await api('GET', path);
      expect(res.status, path).toBe(404);
      expect(res.text, path).not.toContain('<html');
    }
  });

  it('/crm/*, /portal/* and /_local/* keep their JSON answers, 404s included', async () => {
    const token = await recruiterToken({ accountId: newAccountId() });
    for (const path of ['/crm', '/crm/nope', '/portal', '/portal/nope', '/_local/nope']) {
      const res = await api('GET', path, { token });
      expect([res.status, res.text], path).toEqual([404, '{"message":"Not Found"}']);
    }
    const me = await api('GET', '/portal/me');
    expect([me.status, me.json.error.code]).toEqual([401, 'not_logged_in']);
    expect((await api('GET', '/crm/account')).text).toBe('{"message":"Unauthorized"}');
    // Only GET and HEAD reach the app; anything else outside the API is the gateway's 404.
    expect((await api('POST', '/signup', { body: {} })).text).toBe('{"message":"Not Found"}');
  });

  it('path traversal out of the web root is impossible over HTTP too', async () => {
    const packageJson = await readFile(join(webFixture, '../../../package.json'), 'utf8');
    for (const path of [
      '/../../../package.json',
      '/assets/../../../../package.json',
      '/%2e%2e/%2e%2e/%2e%2e/package.json',
      '/..%2f..%2f..%2fpackage.json',
      '/assets%2f..%2f..%2f..%2f..%2fpackage.json',
      '/..%5c..%5c..%5cpackage.json',
    ]) {
      const res = await rawGet(path);
      expect(res.status, path).toBe(404);
      expect(res.body, path).not.toContain(packageJson.slice(0, 40));
    }
  });

  it('/_local/ lists the local links and obeys the CSP: no inline style or script', async () => {
    const res = await api('GET', '/_local/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    for (const link of [
      `${stackInfo().appUrl}/`,
      '/recruiter',
      '/docs/api',
      stackInfo().mailUrl,
      '/_local/health',
    ])
      expect(res.text).toContain(link);
    expect(res.text).not.toMatch(/<script|<style|style=|\son[a-z]+=/i);
    const css = await api('GET', '/_local/local.css');
    expect([css.status, css.headers.get('content-type')]).toEqual([200, 'text/css; charset=utf-8']);
  });
});

const fakeRoute = (id: string): Route => ({
  id,
  method: 'POST',
  path: `/${id}`,
  auth: 'public',
  summary: id,
  status: 200,
  access: { table: 'read' },
});

/** The gateway's own 500 and 503 need a handler that fails or hangs: a server of their own. */
async function failingGateway() {
  const server = createApiServer({
    routes: [fakeRoute('throws'), fakeRoute('slow')],
    loadHandler: async (id) =>
      id === 'throws'
        ? async () => {
            throw new Error('boom (expected in this test)');
          }
        : () => new Promise(() => {}),
    authorize: async () => ({ ok: false, wwwAuthenticate: 'Bearer' }),
    timeoutMs: 200,
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('local server: the same security headers on every answer', () => {
  it('handler answers, the gateway own 401/404/413/500/503, /_local/* and static files all carry exactly shared/http/security-headers.ts', async () => {
    const app = stackInfo().appUrl;
    const token = await recruiterToken({ accountId: newAccountId(), role: 'admin' });
    const auth = { authorization: `Bearer ${token}` };
    const gateway = await failingGateway();
    try {
      const samples: [string, () => Promise<Response>, number][] = [
        ['handler 200', () => fetch(`${app}/crm/account`, { headers: auth }), 200],
        [
          'handler 400',
          () => fetch(`${app}/crm/organizations`, { method: 'POST', headers: auth, body: '{' }),
          400,
        ],
        ['handler 401 (portal)', () => fetch(`${app}/portal/me`), 401],
        ['gateway 401', () => fetch(`${app}/crm/account`), 401],
        ['gateway 404', () => fetch(`${app}/crm/nope`), 404],
        [
          'gateway 413',
          () =>
            fetch(`${app}/crm/organizations`, {
              method: 'POST',
              headers: auth,
              body: 'x'.repeat(10 * 1024 * 1024 + 1),
            }),
          413,
        ],
        ['gateway 500', () => fetch(`${gateway.base}/throws`, { method: 'POST' }), 500],
        ['gateway 503', () => fetch(`${gateway.base}/slow`, { method: 'POST' }), 503],
        ['/_local/health', () => fetch(`${app}/_local/health`), 200],
        ['/_local/ page', () => fetch(`${app}/_local/`), 200],
        ['/_local 404', () => fetch(`${app}/_local/nope`), 404],
        ['page route', () => fetch(`${app}/login`), 200],
        ['asset', () => fetch(`${app}/assets/app-3f9a1c.css`), 200],
        ['asset HEAD', () => fetch(`${app}/assets/app-3f9a1c.css`, { method: 'HEAD' }), 200],
        ['missing file', () => fetch(`${app}/favicon.ico`), 404],
      ];
      for (const [what, send, status] of samples) {
        const res = await send();
        await res.arrayBuffer();
        expect(res.status, what).toBe(status);
        for (const [name, value] of Object.entries(securityHeaders))
          expect(res.headers.get(name), `${what}: ${name}`).toBe(value);
      }
    } finally {
      await gateway.close();
    }
  });
});
