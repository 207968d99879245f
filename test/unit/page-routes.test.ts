import { readFileSync } from 'node:fs';
import { createContext, Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { pageRoutesFile } from '../../lib/web/page-routes.ts';

interface CfRequest {
  method: string;
  uri: string;
  querystring: Record<string, { value: string }>;
  headers: Record<string, { value: string }>;
}

const code = readFileSync(pageRoutesFile, 'utf8');

/**
 * The function as CloudFront runs it: a plain script (no modules, no require, no Node globals) whose
 * top-level `handler` is called with the viewer-request event.
 */
function loadHandler(): (event: { request: CfRequest }) => CfRequest {
  const sandbox = createContext({});
  new Script(`${code}\n;globalThis.__handler = handler;`, { filename: 'page-routes.js' }).runInContext(
    sandbox,
  );
  return (sandbox as { __handler: (event: { request: CfRequest }) => CfRequest }).__handler;
}

const handler = loadHandler();
const request = (uri: string, querystring: CfRequest['querystring'] = {}): CfRequest => ({
  method: 'GET',
  uri,
  querystring,
  headers: { host: { value: 'd111111abcdef8.cloudfront.net' } },
});
const rewrite = (uri: string) => handler({ request: request(uri) }).uri;

describe('client-side routes through the CloudFront Function (cloudfront-js-2.0)', () => {
  it('answers every page route of the web app with /index.html', () => {
    for (const uri of [
      '/',
      '/signup',
      '/login',
      '/login/',
      '/login/continue',
      '/app',
      '/app/jobs/01JJOB0000000000000000000',
      '/app/requisitions/new',
      '/recruiter/contacts/01JCONTACT000000000000000',
      '/docs/api',
    ])
      expect(rewrite(uri), uri).toBe('/index.html');
  });

  it('keeps the query string, so /signup?token=… and /login/continue?token=… reach the page whole', () => {
    const querystring = { token: { value: 'abc' } };
    const out = handler({ request: request('/signup', querystring) });
    expect(out).toMatchObject({ uri: '/index.html', querystring });
  });

  it('leaves files alone, so a missing asset stays a 404 instead of becoming a page', () => {
    for (const uri of [
      '/index.html',
      '/openapi.json',
      '/assets/index-3f2a1b.js',
      '/assets/index-3f2a1b.css',
      '/favicon.ico',
      '/assets/missing-000000.js',
    ])
      expect(rewrite(uri), uri).toBe(uri);
  });

  it('never turns an API path into a page', () => {
    for (const uri of ['/crm', '/portal', '/crm/jobs', '/portal/me']) expect(rewrite(uri), uri).toBe(uri);
  });

  it('stays within what the runtime takes: a plain script under 10 KB, no modules', () => {
    expect(Buffer.byteLength(code)).toBeLessThan(10_240);
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).not.toMatch(/\brequire\(|\bprocess\.|\bconsole\./);
  });
});
