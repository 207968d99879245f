import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticSite, isApiPath } from '../../local/static-site.ts';

let base: string;
let webRoot: string;
const secret = 'SECRET-OUTSIDE-THE-WEB-ROOT';

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'static-site-'));
  webRoot = join(base, 'dist');
  await mkdir(join(webRoot, 'assets'), { recursive: true });
  await writeFile(join(webRoot, 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(join(webRoot, 'assets', 'index-abc.js'), 'export {};');
  await writeFile(join(webRoot, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(join(webRoot, '.env'), secret);
  await writeFile(join(base, 'secret.txt'), secret);
  await symlink(join(base, 'secret.txt'), join(webRoot, 'linked.txt'));
});
afterAll(() => rm(base, { recursive: true, force: true }));

const text = (answer: { body: Buffer } | undefined) => answer?.body.toString('utf8') ?? '';

describe('local server: the web app on the same origin', () => {
  it('recruiters sign in through the local token issuer here: /auth-config.json says so', async () => {
    const answer = await createStaticSite({ webRoot })('GET', '/auth-config.json');
    expect(answer?.statusCode).toBe(200);
    expect(JSON.parse(text(answer))).toEqual({ mode: 'local' });
  });

  it("a Cognito-mode site (local/cognito-sites.ts) serves its deployment's settings at the same path", async () => {
    const authConfig = {
      mode: 'cognito',
      domain: 'http://127.0.0.1:4567',
      clientId: 'console-client',
      redirectUri: 'http://localhost:1234/recruiter/callback',
      logoutUri: 'http://localhost:1234/recruiter',
    };
    const answer = await createStaticSite({ webRoot, authConfig })('GET', '/auth-config.json');
    expect(answer?.headers['cache-control']).toBe('no-cache');
    expect(JSON.parse(text(answer))).toEqual(authConfig);
  });

  it('page routes (no file extension) get index.html, revalidated on every load', async () => {
    const site = createStaticSite({ webRoot });
    for (const path of [
      '/',
      '/signup',
      '/login',
      '/login/continue',
      '/app/jobs/01J',
      '/recruiter/x',
      '/docs/api',
    ]) {
      const answer = await site('GET', path);
      expect(answer?.statusCode, path).toBe(200);
      expect(answer?.headers).toMatchObject({
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-cache',
      });
      expect(text(answer)).toContain('<title>app</title>');
    }
  });

  it('files get their content type; /assets/* is cached for good', async () => {
    const site = createStaticSite({ webRoot });
    expect((await site('GET', '/assets/index-abc.js'))?.headers).toEqual({
      'content-type': 'text/javascript; charset=utf-8',
      'content-length': '10',
      'cache-control': 'public, max-age=31536000, immutable',
    });
    expect((await site('HEAD', '/assets/logo.svg'))?.headers['content-type']).toBe('image/svg+xml');
    expect((await site('GET', '/index.html'))?.headers['cache-control']).toBe('no-cache');
  });

  it('a missing file with an extension is 404, never the app', async () => {
    const site = createStaticSite({ webRoot });
    for (const path of ['/assets/gone.js', '/favicon.ico', '/app/old-page.php'])
      expect((await site('GET', path))?.statusCode, path).toBe(404);
    // A folder is no file: without an extension it is a page route like any other.
    expect(text(await site('GET', '/assets'))).toContain('<title>app</title>');
  });

  it('path traversal is impossible: dot segments, encoded slashes, dot-files and links out of the root are 404', async () => {
    const site = createStaticSite({ webRoot });
    for (const path of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets%2f..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%2e%2e%5csecret.txt',
      '/.env',
      '/%2eenv',
      '/linked.txt',
      '/index.html%00.txt',
      '/%E0%A4%A.txt',
    ]) {
      const answer = await site('GET', path);
      expect(answer?.statusCode, path).toBe(404);
      expect(text(answer), path).not.toContain(secret);
    }
  });

  it("the API spaces and other methods are not the site's", async () => {
    const site = createStaticSite({ webRoot });
    for (const path of ['/crm', '/crm/nope', '/portal/me', '/_local/', '/_local/health'])
      expect(await site('GET', path), path).toBeUndefined();
    expect(await site('POST', '/signup')).toBeUndefined();
    expect([isApiPath('/crmx'), isApiPath('/portals'), isApiPath('/portal')]).toEqual([false, false, true]);
  });

  it('without a build, page routes say the web app is not built and how to build it', async () => {
    const site = createStaticSite({ webRoot: join(base, 'not-built') });
    const answer = await site('GET', '/login');
    expect(answer?.statusCode).toBe(503);
    expect(answer?.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(text(answer)).toContain('npm run build:web');
    expect(text(answer)).toContain('href="/_local/"');
    // The origin's CSP allows no inline style or script.
    expect(text(answer)).not.toMatch(/<script|<style|style=/i);
    expect((await site('GET', '/assets/index-abc.js'))?.statusCode).toBe(404);
  });
});
