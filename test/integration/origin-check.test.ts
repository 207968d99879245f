import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildApiEvent } from '../../local/api-event.ts';
import { createRouteMatcher } from '../../local/route-matcher.ts';
import { routes } from '../../shared/api/routes.ts';
import { originHeader } from '../../shared/http/origin-check.ts';
import { api, signTestToken } from '../support/api.ts';

/**
 * Locally the gateway is CloudFront as well: it adds the origin header to every API request, so the
 * handlers run with the same check as in AWS (docs/web-hosting.md), on every integration test.
 */
describe('the origin check on the local stack', () => {
  it('lets every request through the local gateway reach its route, recruiter and portal alike', async () => {
    const token = await signTestToken({ claims: { accountId: `origin-${randomBytes(6).toString('hex')}` } });
    expect((await api('GET', '/crm/account', { token })).status).toBe(200);
    const unknownInvitation = await api(
      'GET',
      `/portal/invitations/${randomBytes(32).toString('base64url')}`,
    );
    expect(unknownInvitation).toMatchObject({
      status: 404,
      json: { error: { code: 'invitation_not_found' } },
    });
  });

  it("ignores a client's own origin header: the gateway replaces it, as CloudFront does", async () => {
    const token = await signTestToken({ claims: { accountId: `origin-${randomBytes(6).toString('hex')}` } });
    const forged = { [originHeader]: 'forged-by-the-client' };
    expect((await api('GET', '/crm/account', { token, headers: forged })).status).toBe(200);
    expect((await api('GET', '/portal/me', { headers: forged })).json).toMatchObject({
      error: { code: 'unauthorized' },
    });
  });

  it('puts the configured value into the event, and without one strips what the client sent', () => {
    const found = createRouteMatcher([routes.getAccount])('GET', '/crm/account')!;
    const request = {
      method: 'GET',
      url: '/crm/account',
      rawHeaders: ['Host', 'localhost', 'X-Origin-Verify', 'forged'],
      body: undefined,
      sourceIp: '127.0.0.1',
      protocol: 'HTTP/1.1',
    };
    const now = new Date();
    const withSecret = buildApiEvent(request, found, { requestId: 'r1', now, originSecret: 'the-secret' });
    expect(withSecret.headers[originHeader]).toBe('the-secret');
    const without = buildApiEvent(request, found, { requestId: 'r2', now });
    expect(without.headers[originHeader]).toBeUndefined();
  });
});
