import { beforeAll, describe, expect, it } from 'vitest';
import { routeList } from '../../../shared/api/routes.ts';
import { api, enablePortal, newAccountId, recruiterToken } from '../../support/api.ts';

const crmRoutes = routeList.filter((r) => r.auth === 'jwt');
const withBody = crmRoutes.filter((r) => r.body);
const lists = crmRoutes.filter((r) => r.query);
const withParams = crmRoutes.filter((r) => r.params);

let token: string;
let accountId: string;
const someId = '01JAAAAAAAAAAAAAAAAAAAAAAA';
const concrete = (path: string, id = someId) => path.replace(/\{\w+\}/g, id);

/** Everything the account holds, read back through the API: it must not change on bad input. */
async function snapshot() {
  const [account, orgs, jobs, candidates] = await Promise.all(
    ['/crm/account', '/crm/organizations', '/crm/jobs', '/crm/candidates'].map((p) =>
      api('GET', p, { token }),
    ),
  );
  return [account?.json, orgs?.json, jobs?.json, candidates?.json];
}

beforeAll(async () => {
  accountId = newAccountId();
  token = await recruiterToken({ accountId, role: 'admin' });
  await enablePortal(token);
});

describe('SPEC §3 bad input gets a clear 4xx JSON error and changes nothing', () => {
  it.each(withBody.map((r) => [`${r.method} ${r.path}`, r] as const))(
    '%s: malformed JSON is 400 invalid_json',
    async (_n, r) => {
      const before = await snapshot();
      const res = await api(r.method, concrete(r.path), {
        token,
        rawBody: '{"name": ',
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status).toBe(400);
      expect(res.json.error).toMatchObject({ code: 'invalid_json', message: expect.any(String) });
      expect(await snapshot()).toEqual(before);
    },
  );

  it.each(withBody.map((r) => [`${r.method} ${r.path}`, r] as const))(
    '%s: wrong types and unknown fields are 400 with per-field details',
    async (_n, r) => {
      const before = await snapshot();
      for (const body of [
        [1, 2],
        { unexpected: true },
        'text',
        { name: 42, firstName: 42, title: 42, portalEnabled: 'yes', stage: 'nope', candidateId: 7 },
      ]) {
        const res = await api(r.method, concrete(r.path), { token, body });
        expect(res.status).toBe(400);
        expect(res.json.error.code).toBe('validation_failed');
        expect(typeof res.json.error.details).toBe('object');
      }
      expect(await snapshot()).toEqual(before);
    },
  );

  it.each(withBody.map((r) => [`${r.method} ${r.path}`, r] as const))(
    '%s: a body over 64 KB is 413',
    async (_n, r) => {
      const res = await api(r.method, concrete(r.path), { token, body: { name: 'x'.repeat(70 * 1024) } });
      expect(res.status).toBe(413);
      expect(res.json.error.code).toBe('payload_too_large');
    },
  );

  it.each(lists.map((r) => [`${r.method} ${r.path}`, r] as const))(
    '%s: limit outside 1..100 or a forged cursor is 400',
    async (_n, r) => {
      for (const q of ['limit=0', 'limit=101', 'limit=abc', 'cursor=abc.def', 'bogus=1']) {
        const res = await api('GET', `${concrete(r.path)}?${q}`, { token });
        expect(res.status).toBe(400);
      }
    },
  );

  it.each(withParams.map((r) => [`${r.method} ${r.path}`, r] as const))(
    '%s: an id that cannot be ours is 400',
    async (_n, r) => {
      const before = await snapshot();
      const body = r.body ? {} : undefined;
      const res = await api(r.method, concrete(r.path, 'A%23x%23C'), { token, body });
      expect([400]).toContain(res.status);
      expect(await snapshot()).toEqual(before);
    },
  );

  it('names and titles over 200 characters and long texts over 10,000 are 400', async () => {
    const org = await api('POST', '/crm/organizations', { token, body: { name: 'n'.repeat(201) } });
    expect(org.json.error.details).toHaveProperty('name');
    const created = await api('POST', '/crm/organizations', { token, body: { name: 'Fine' } });
    const job = await api('POST', '/crm/jobs', {
      token,
      body: { title: 'T', description: 'd'.repeat(10_001), organizationId: created.json.id },
    });
    expect(job.json.error.details).toHaveProperty('description');
  });

  it('B1 only an admin may change the account (403 forbidden)', async () => {
    const recruiter = await recruiterToken({ accountId, role: 'recruiter' });
    const res = await api('PATCH', '/crm/account', { token: recruiter, body: { portalEnabled: false } });
    expect(res).toMatchObject({ status: 403, json: { error: { code: 'forbidden' } } });
    expect((await api('GET', '/crm/account', { token })).json.portalEnabled).toBe(true);
  });
});
