import { beforeEach, describe, expect, it } from 'vitest';
import { api, enablePortal, newAccountId, recruiterToken } from '../../support/api.ts';

let token: string;
let orgA: string;
let orgB: string;

beforeEach(async () => {
  token = await recruiterToken({ accountId: newAccountId(), role: 'recruiter' });
  orgA = (await api('POST', '/crm/organizations', { token, body: { name: 'Acme' } })).json.id;
  orgB = (await api('POST', '/crm/organizations', { token, body: { name: 'Globex' } })).json.id;
});

const create = (body: Record<string, unknown>) => api('POST', '/crm/contacts', { token, body });

describe('contacts', () => {
  it('creates, reads, updates and deletes a contact with the SPEC shape', async () => {
    const created = await create({
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@acme.test',
      phone: '+1 555',
      organizationId: orgA,
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      id: expect.any(String),
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@acme.test',
      phone: '+1 555',
      organizationId: orgA,
      portal: { status: 'none', eligible: false, reasons: ['portal_disabled'] },
    });
    const read = await api('GET', `/crm/contacts/${created.json.id}`, { token });
    expect(read.json).toEqual(created.json);
    const patched = await api('PATCH', `/crm/contacts/${created.json.id}`, {
      token,
      body: { lastName: 'King', phone: null },
    });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ lastName: 'King', phone: null, email: 'ada@acme.test' });
    expect((await api('DELETE', `/crm/contacts/${created.json.id}`, { token })).status).toBe(204);
    expect((await api('GET', `/crm/contacts/${created.json.id}`, { token })).status).toBe(404);
    expect((await api('DELETE', `/crm/contacts/${created.json.id}`, { token })).status).toBe(404);
  });

  it('B2 with the add-on on, a complete contact is eligible', async () => {
    const admin = await recruiterToken({ accountId: newAccountId(), role: 'admin' });
    await enablePortal(admin);
    const org = await api('POST', '/crm/organizations', { token: admin, body: { name: 'Acme' } });
    const c = await api('POST', '/crm/contacts', {
      token: admin,
      body: { firstName: 'A', lastName: 'B', email: 'a@b.test', organizationId: org.json.id },
    });
    expect(c.json.portal).toEqual({ status: 'none', eligible: true, reasons: [] });
  });

  it('B15 a contact cannot be created in or moved into an organization that does not exist', async () => {
    await api('DELETE', `/crm/organizations/${orgB}`, { token });
    const res = await create({ firstName: 'A', lastName: 'B', organizationId: orgB });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe('organization_not_found');
    const c = await create({ firstName: 'A', lastName: 'B', organizationId: orgA });
    const moved = await api('PATCH', `/crm/contacts/${c.json.id}`, { token, body: { organizationId: orgB } });
    expect(moved.status).toBe(422);
    const unchanged = await api('GET', `/crm/contacts/${c.json.id}`, { token });
    expect(unchanged.json.organizationId).toBe(orgA);
  });

  it('lists the contacts of an organization and follows moves and unassignment', async () => {
    const a = await create({ firstName: 'A', lastName: 'One', organizationId: orgA });
    const b = await create({ firstName: 'B', lastName: 'Two', organizationId: orgA });
    await create({ firstName: 'C', lastName: 'Three', organizationId: orgB });
    await create({ firstName: 'D', lastName: 'Loose' });
    const ids = async (org: string) =>
      (await api('GET', `/crm/organizations/${org}/contacts`, { token })).json.items.map(
        (c: { id: string }) => c.id,
      );
    expect(await ids(orgA)).toEqual([a.json.id, b.json.id]);
    await api('PATCH', `/crm/contacts/${a.json.id}`, { token, body: { organizationId: orgB } });
    await api('PATCH', `/crm/contacts/${b.json.id}`, { token, body: { organizationId: null } });
    expect(await ids(orgA)).toEqual([]);
    expect((await ids(orgB)).length).toBe(2);
  });

  it('pages through organization contacts with a cursor', async () => {
    for (let i = 0; i < 5; i++) await create({ firstName: `P${i}`, lastName: 'Page', organizationId: orgA });
    const first = await api('GET', `/crm/organizations/${orgA}/contacts?limit=2`, { token });
    expect(first.json.items).toHaveLength(2);
    expect(first.json.nextCursor).toEqual(expect.any(String));
    const seen = [...first.json.items];
    let cursor = first.json.nextCursor;
    while (cursor) {
      const next = await api(
        'GET',
        `/crm/organizations/${orgA}/contacts?limit=2&cursor=${encodeURIComponent(cursor)}`,
        { token },
      );
      seen.push(...next.json.items);
      cursor = next.json.nextCursor;
    }
    expect(seen.map((c) => c.firstName)).toEqual(['P0', 'P1', 'P2', 'P3', 'P4']);
    const wrongRoute = await api(
      'GET',
      `/crm/organizations/${orgB}/contacts?cursor=${encodeURIComponent(first.json.nextCursor)}`,
      { token },
    );
    expect(wrongRoute.status).toBe(400);
    expect(wrongRoute.json.error.code).toBe('invalid_cursor');
    const other = await recruiterToken({ accountId: newAccountId(), role: 'admin' });
    const foreign = await api('GET', `/crm/jobs?cursor=${encodeURIComponent(first.json.nextCursor)}`, {
      token: other,
    });
    expect(foreign.status).toBe(400);
    expect(foreign.json.error.code).toBe('invalid_cursor');
  });

  it('a contact list of an unknown organization is 404', async () => {
    const res = await api('GET', '/crm/organizations/01JNOSUCHORG00000000000000/contacts', { token });
    expect(res.status).toBe(404);
  });
});
