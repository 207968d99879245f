import { beforeAll, describe, expect, it } from 'vitest';
import { routeList } from '../../../shared/api/routes.ts';
import { api, snapshotAccount } from '../../support/api.ts';
import { newAgency, portalApi, signedInClient, type Agency, type SignedIn } from '../../support/portal.ts';

const portal = routeList.filter((r) => r.path.startsWith('/portal/'));
const withBody = portal.filter((r) => r.body);
const writes = portal.filter((r) => r.method !== 'GET');
const anId = '01JAAAAAAAAAAAAAAAAAAAAAAA';
const concrete = (path: string) => path.replace('{token}', 'A'.repeat(43)).replace(/\{\w+\}/g, anId);

let agency: Agency;
let client: SignedIn;

beforeAll(async () => {
  agency = await newAgency();
  client = await signedInClient(agency);
});

const stable = async () => (await snapshotAccount(agency.accountId)).filter((i) => i.type !== 'session');
const named = <T extends { method: string; path: string }>(list: T[]) =>
  list.map((r) => [`${r.method} ${r.path}`, r] as const);

describe('SPEC §3 bad input on every portal route: a 4xx JSON error and no write', () => {
  it.each(named(writes))('%s without X-Requested-With: portal is 403 csrf', async (_n, r) => {
    const before = await stable();
    const res = await portalApi(r.method, concrete(r.path), { cookie: client.cookie, body: {}, csrf: false });
    expect(res).toMatchObject({ status: 403, json: { error: { code: 'csrf' } } });
    const forged = await portalApi(r.method, concrete(r.path), {
      cookie: client.cookie,
      body: {},
      csrf: false,
      headers: { 'x-requested-with': 'XMLHttpRequest' },
    });
    expect(forged.status).toBe(403);
    expect(await stable()).toEqual(before);
  });

  it.each(named(withBody))(
    '%s: malformed JSON, wrong types, unknown fields and enum values are 400',
    async (_n, r) => {
      const before = await stable();
      const malformed = await portalApi(r.method, concrete(r.path), {
        cookie: client.cookie,
        rawBody: '{"x":',
        headers: { 'content-type': 'application/json' },
      });
      expect(malformed).toMatchObject({ status: 400, json: { error: { code: 'invalid_json' } } });
      for (const body of [
        [],
        'x',
        { unexpected: 1 },
        { email: 5, token: 5, stage: 'promoted', remark: 7, title: 3, employmentType: 'gig', openings: 0 },
      ]) {
        const res = await portalApi(r.method, concrete(r.path), { cookie: client.cookie, body });
        expect(res.status).toBe(400);
        expect(res.json.error).toMatchObject({ code: 'validation_failed', details: expect.any(Object) });
      }
      expect(await stable()).toEqual(before);
    },
  );

  it.each(named(withBody))('%s: a body over 64 KB is 413', async (_n, r) => {
    const res = await portalApi(r.method, concrete(r.path), {
      cookie: client.cookie,
      body: { remark: 'x'.repeat(70_000) },
    });
    expect(res).toMatchObject({ status: 413, json: { error: { code: 'payload_too_large' } } });
  });

  it.each(named(portal.filter((r) => r.auth === 'session')))(
    '%s without a session is 401 before the input is looked at',
    async (_n, r) => {
      const res = await portalApi(r.method, concrete(r.path), { body: r.body ? { junk: true } : undefined });
      expect(res).toMatchObject({ status: 401, json: { error: { code: 'not_logged_in' } } });
    },
  );

  it('B7 a malformed e-mail is 400; the answer never says whether an address is known', async () => {
    const bad = await portalApi('POST', '/portal/login-links', { body: { email: 'not-an-email' } });
    expect(bad.status).toBe(400);
  });

  it('limits: ?limit outside 1..100 is 400 on portal lists', async () => {
    for (const path of [
      '/portal/jobs?limit=0',
      '/portal/requisitions?limit=101',
      `/portal/jobs/${anId}/candidates?limit=x`,
    ]) {
      expect((await portalApi('GET', path, { cookie: client.cookie })).status).toBe(400);
    }
    expect((await api('GET', '/portal/jobs?cursor=forged.cursor', { cookie: client.cookie })).status).toBe(
      400,
    );
  });
});
