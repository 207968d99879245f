import { beforeEach, describe, expect, it } from 'vitest';
import { seedDemoAgency } from '../../../local/seed-demo.ts';
import { api, enablePortal, newAccountId, recruiterToken, stackInfo } from '../../support/api.ts';

/** `GET /crm/contacts?organization=none`: the contacts a recruiter could not find by organization (B9). */
let token: string;
let orgId: string;

const list = '/crm/contacts?organization=none';

beforeEach(async () => {
  token = await recruiterToken({ accountId: newAccountId(), role: 'admin' });
  orgId = (await api('POST', '/crm/organizations', { token, body: { name: 'Acme' } })).json.id;
});

const create = (body: Record<string, unknown>, as = token) =>
  api('POST', '/crm/contacts', { token: as, body: { lastName: 'Tester', ...body } });
const firstNames = async (as = token) =>
  (await api('GET', list, { token: as })).json.items.map((c: { firstName: string }) => c.firstName);

describe('contacts without an organization', () => {
  it('lists only the caller’s account’s contacts that belong to no organization, in the contact shape', async () => {
    await enablePortal(token);
    const loose = await create({ firstName: 'Alan', email: 'alan@freelance.test' });
    await create({ firstName: 'Ada', email: 'ada@acme.test', organizationId: orgId });
    const other = await recruiterToken({ accountId: newAccountId(), role: 'admin' });
    await create({ firstName: 'Mallory' }, other);

    const res = await api('GET', list, { token });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ items: [loose.json], nextCursor: null });
    // B2/B9: the list says why each cannot be invited, so the console can offer "Assign an organization".
    expect(res.json.items[0]).toMatchObject({
      organizationId: null,
      portal: { status: 'none', eligible: false, reasons: ['no_organization'] },
    });
    expect(await firstNames(other)).toEqual(['Mallory']);
    expect(await firstNames(await recruiterToken({ accountId: newAccountId() }))).toEqual([]);
  });

  it('is one Query of the index and one read of the account, in parallel', async () => {
    await create({ firstName: 'Alan' });
    const res = await api('GET', list, { token });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-local-dynamodb-requests')).toBe('2');
    expect(res.headers.get('x-local-dynamodb-commands')?.split(',').sort()).toEqual(['GetItem', 'Query']);
  });

  it('follows the contact: assigned later it leaves the list, moved out of its organization it joins it', async () => {
    const alan = await create({ firstName: 'Alan' });
    const ada = await create({ firstName: 'Ada', organizationId: orgId });
    const orgContacts = async () =>
      (await api('GET', `/crm/organizations/${orgId}/contacts`, { token })).json.items.map(
        (c: { firstName: string }) => c.firstName,
      );
    expect(await firstNames()).toEqual(['Alan']);

    const assigned = await api('PATCH', `/crm/contacts/${alan.json.id}`, {
      token,
      body: { organizationId: orgId },
    });
    expect(assigned.status).toBe(200);
    expect(await firstNames()).toEqual([]);
    expect(await orgContacts()).toEqual(['Alan', 'Ada']);

    await api('PATCH', `/crm/contacts/${ada.json.id}`, { token, body: { organizationId: null } });
    expect(await firstNames()).toEqual(['Ada']);
    expect(await orgContacts()).toEqual(['Alan']);

    // Edits that leave the organization alone keep it where it is; a deleted contact leaves the list.
    await api('PATCH', `/crm/contacts/${ada.json.id}`, { token, body: { phone: '+1 555' } });
    expect(await firstNames()).toEqual(['Ada']);
    expect((await api('DELETE', `/crm/contacts/${ada.json.id}`, { token })).status).toBe(204);
    expect(await firstNames()).toEqual([]);
  });

  it('pages with a cursor that works for this list of this account only', async () => {
    for (let i = 0; i < 5; i++) await create({ firstName: `P${i}` });
    await create({ firstName: 'Assigned', organizationId: orgId });
    const first = await api('GET', `${list}&limit=2`, { token });
    expect(first.json.items).toHaveLength(2);
    expect(first.json.nextCursor).toEqual(expect.any(String));
    const seen = [...first.json.items];
    let cursor = first.json.nextCursor;
    while (cursor) {
      const next = await api('GET', `${list}&limit=2&cursor=${encodeURIComponent(cursor)}`, { token });
      expect(next.status).toBe(200);
      seen.push(...next.json.items);
      cursor = next.json.nextCursor;
    }
    expect(seen.map((c) => c.firstName)).toEqual(['P0', 'P1', 'P2', 'P3', 'P4']);

    const replay = (path: string, as = token) =>
      api(
        'GET',
        `${path}${path.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(first.json.nextCursor)}`,
        {
          token: as,
        },
      );
    for (const res of [
      await replay(`/crm/organizations/${orgId}/contacts`),
      await replay('/crm/jobs'),
      await replay(list, await recruiterToken({ accountId: newAccountId(), role: 'admin' })),
    ]) {
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('invalid_cursor');
    }
    // And an organization list's cursor is not one of this list's.
    for (let i = 0; i < 2; i++) await create({ firstName: `O${i}`, organizationId: orgId });
    const orgPage = await api('GET', `/crm/organizations/${orgId}/contacts?limit=1`, { token });
    const foreign = await api('GET', `${list}&cursor=${encodeURIComponent(orgPage.json.nextCursor)}`, {
      token,
    });
    expect(foreign.status).toBe(400);
    expect(foreign.json.error.code).toBe('invalid_cursor');
  });

  it('a missing or unknown filter, a bad limit or a forged cursor is 400 JSON naming the parameter', async () => {
    for (const [query, field] of [
      ['', 'organization'],
      ['?organization=', 'organization'],
      ['?organization=all', 'organization'],
      [`?organization=${orgId}`, 'organization'],
      ['?organization=none&limit=0', 'limit'],
      ['?organization=none&limit=101', 'limit'],
      ['?organization=none&bogus=1', '(body)'],
    ] as const) {
      const res = await api('GET', `/crm/contacts${query}`, { token });
      expect(res.status, query).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/json');
      expect(res.json.error, query).toMatchObject({ code: 'validation_failed', message: expect.any(String) });
      expect(Object.keys(res.json.error.details), query).toContain(field);
    }
    const forged = await api('GET', `${list}&cursor=abc.def`, { token });
    expect(forged.status).toBe(400);
    expect(forged.json.error.code).toBe('invalid_cursor');
  });

  it('finds the demo agency’s Alan Turing, as the npm start banner says', async () => {
    const demo = await recruiterToken({ accountId: newAccountId(), role: 'admin' });
    await seedDemoAgency(stackInfo().appUrl, demo);
    const res = await api('GET', list, { token: demo });
    expect(
      res.json.items.map((c: { firstName: string; lastName: string }) => `${c.firstName} ${c.lastName}`),
    ).toEqual(['Alan Turing']);
  });

  it('needs a recruiter token', async () => {
    const res = await api('GET', list);
    expect(res.status).toBe(401);
  });
});
