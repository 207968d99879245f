import { beforeAll, describe, expect, it } from 'vitest';
import { api, dynamodbCommands, snapshotAccount } from '../../support/api.ts';
import { newAgency, portalApi, signedInClient, type Agency, type SignedIn } from '../../support/portal.ts';

const fullRequisition = {
  title: 'Senior Backend Engineer',
  description: 'Owns our billing services.',
  qualifications: '5+ years of TypeScript; DynamoDB',
  location: 'Berlin',
  employmentType: 'full_time',
  openings: 2,
  salaryMin: 70000,
  salaryMax: 90000,
  currency: 'EUR',
};
const minimal = {
  title: 'Office Manager',
  description: 'Keeps the office running.',
  employmentType: 'part_time',
  openings: 1,
};

const submit = (client: SignedIn, body: Record<string, unknown> = fullRequisition) =>
  portalApi('POST', '/portal/requisitions', { cookie: client.cookie, body });
const portalList = async (client: SignedIn) =>
  (await portalApi('GET', '/portal/requisitions', { cookie: client.cookie })).json;
const crmList = async (agency: Agency, query = '') =>
  (await api('GET', `/crm/requisitions${query}`, { token: agency.token })).json;
const review = (agency: Agency, reqId: string, action: 'approve' | 'reject', body?: unknown) =>
  api('POST', `/crm/requisitions/${reqId}/${action}`, { token: agency.token, body });

let agency: Agency;
let alice: SignedIn; // Acme
let bob: SignedIn; // Acme, a colleague of Alice
let carol: SignedIn; // Globex, another client of the same agency
let otherAgency: Agency;
let dave: SignedIn; // a client of another agency

beforeAll(async () => {
  [agency, otherAgency] = await Promise.all([newAgency(), newAgency('Other Agency')]);
  const globex = await api('POST', '/crm/organizations', { token: agency.token, body: { name: 'Globex' } });
  [alice, bob, carol, dave] = await Promise.all([
    signedInClient(agency),
    signedInClient(agency),
    signedInClient(agency, { orgId: globex.json.id }),
    signedInClient(otherAgency),
  ]);
});

describe('B13 requisitions in the portal', () => {
  it('B13 creates a requisition with all fields: 201, the SPEC shape, submitter and organization from the session', async () => {
    const res = await submit(alice);
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      ...fullRequisition,
      id: expect.any(String),
      status: 'pending',
      organizationId: agency.orgId,
      submittedBy: { name: 'Cleo Client', email: alice.email },
      createdAt: expect.any(String),
    });
    expect(res.json).not.toHaveProperty('rev');
    expect(res.json).not.toHaveProperty('jobId');
    const read = await portalApi('GET', `/portal/requisitions/${res.json.id}`, { cookie: alice.cookie });
    expect(read).toMatchObject({ status: 200, json: res.json });
  });

  it('B13 optional fields default: no salary range, empty qualifications and location', async () => {
    const res = await submit(alice, minimal);
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      ...minimal,
      qualifications: '',
      location: '',
      salaryMin: null,
      salaryMax: null,
      currency: null,
    });
  });

  it('B8 B13 the organization shares its list; another organization or agency sees nothing of it', async () => {
    const mine = (await submit(alice)).json;
    expect((await portalList(bob)).items).toContainEqual(mine);
    expect((await portalList(bob)).items[0]).toEqual(mine); // newest first
    expect((await portalList(carol)).items.map((r: { id: string }) => r.id)).not.toContain(mine.id);
    expect(await portalList(dave)).toEqual({ items: [], nextCursor: null });
    for (const stranger of [carol, dave]) {
      const res = await portalApi('GET', `/portal/requisitions/${mine.id}`, { cookie: stranger.cookie });
      expect(res).toMatchObject({ status: 404, json: { error: { code: 'not_found' } } });
    }
  });

  it('B8 B13 a colleague edits a pending requisition; only the given fields change', async () => {
    const created = (await submit(alice)).json;
    const res = await portalApi('PATCH', `/portal/requisitions/${created.id}`, {
      cookie: bob.cookie,
      body: { title: 'Staff Backend Engineer', openings: 3, currency: null },
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      ...created,
      title: 'Staff Backend Engineer',
      openings: 3,
      currency: null,
      updatedAt: expect.any(String),
    });
    const read = await portalApi('GET', `/portal/requisitions/${created.id}`, { cookie: alice.cookie });
    expect(read.json).toEqual(res.json);
  });

  it('B13 an edit that would leave salaryMin above the stored salaryMax is 400 and changes nothing', async () => {
    const created = (await submit(alice)).json;
    const res = await portalApi('PATCH', `/portal/requisitions/${created.id}`, {
      cookie: alice.cookie,
      body: { salaryMin: 95000 },
    });
    expect(res).toMatchObject({
      status: 400,
      json: { error: { code: 'validation_failed', details: { salaryMin: expect.any(String) } } },
    });
    expect(
      (await portalApi('GET', `/portal/requisitions/${created.id}`, { cookie: alice.cookie })).json,
    ).toEqual(created);
  });
});

describe('B13 B14 withdrawing, approving, rejecting and the pending count', () => {
  it('B13 B14 withdraw answers 200 withdrawn, the pending count drops, then edit and withdraw are 409 not_pending', async () => {
    const solo = await newAgency();
    const client = await signedInClient(solo);
    const [first, second] = [(await submit(client)).json, (await submit(client, minimal)).json];
    expect((await crmList(solo)).pendingCount).toBe(2);
    const res = await portalApi('POST', `/portal/requisitions/${first.id}/withdraw`, {
      cookie: client.cookie,
    });
    expect(res).toMatchObject({
      status: 200,
      json: { ...first, status: 'withdrawn', updatedAt: expect.any(String) },
    });
    expect(await crmList(solo)).toMatchObject({
      pendingCount: 1,
      items: [{ id: second.id }, { id: first.id, status: 'withdrawn' }],
    });
    for (const again of [
      portalApi('POST', `/portal/requisitions/${first.id}/withdraw`, { cookie: client.cookie }),
      portalApi('PATCH', `/portal/requisitions/${first.id}`, {
        cookie: client.cookie,
        body: { title: 'Too late' },
      }),
      review(solo, first.id, 'approve'),
      review(solo, first.id, 'reject', { remarks: 'No' }),
    ])
      expect(await again).toMatchObject({ status: 409, json: { error: { code: 'not_pending' } } });
    expect((await crmList(solo)).pendingCount).toBe(1);
  });

  it('B14 the recruiter list puts pending first (oldest first), filters by ?status= and counts pending exactly', async () => {
    const solo = await newAgency();
    const client = await signedInClient(solo);
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await submit(client, { ...minimal, title: `Role ${i}` })).json.id);
    const [a, b, c, d] = ids as [string, string, string, string];
    expect((await review(solo, a, 'approve')).status).toBe(200);
    expect((await review(solo, b, 'reject', { remarks: 'Budget frozen' })).status).toBe(200);
    const all = await crmList(solo);
    expect(all.pendingCount).toBe(2);
    expect(all.items.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([
      [c, 'pending'],
      [d, 'pending'],
      [a, 'approved'],
      [b, 'rejected'],
    ]);
    expect(all.items[0]).toMatchObject({ ...minimal, title: 'Role 2', submittedBy: { email: client.email } });
    expect(all.items[0]).not.toHaveProperty('rev');
    const byStatus = async (status: string) =>
      (await crmList(solo, `?status=${status}`)).items.map((r: { id: string }) => r.id);
    expect(await byStatus('pending')).toEqual([c, d]);
    expect(await byStatus('approved')).toEqual([a]);
    expect(await byStatus('rejected')).toEqual([b]);
    expect(await byStatus('withdrawn')).toEqual([]);
    expect((await api('GET', '/crm/requisitions?status=open', { token: solo.token })).status).toBe(400);
  });

  it('B14 the pending count stays exact under concurrent submissions and withdrawals', async () => {
    const solo = await newAgency();
    const client = await signedInClient(solo);
    const created = await Promise.all(Array.from({ length: 12 }, () => submit(client, minimal)));
    expect(created.map((r) => r.status)).toEqual(Array(12).fill(201));
    const withdrawals = await Promise.all(
      created
        .slice(0, 5)
        .map((r) =>
          portalApi('POST', `/portal/requisitions/${r.json.id}/withdraw`, { cookie: client.cookie }),
        ),
    );
    expect(withdrawals.map((r) => r.status)).toEqual(Array(5).fill(200));
    expect((await crmList(solo)).pendingCount).toBe(7);
  });

  it('B14 a cursor is bound to the status filter: it pages that filter and is 400 on another', async () => {
    const solo = await newAgency();
    const client = await signedInClient(solo);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await submit(client, minimal)).json.id);
    const page1 = await crmList(solo, '?status=pending&limit=2');
    expect(page1).toMatchObject({
      items: [{ id: ids[0] }, { id: ids[1] }],
      nextCursor: expect.any(String),
      pendingCount: 3,
    });
    const cursor = encodeURIComponent(page1.nextCursor);
    const page2 = await crmList(solo, `?status=pending&limit=2&cursor=${cursor}`);
    expect(page2).toMatchObject({ items: [{ id: ids[2] }], nextCursor: null });
    for (const other of ['?status=approved&', '?'])
      expect(
        (await api('GET', `/crm/requisitions${other}cursor=${cursor}`, { token: solo.token })).status,
      ).toBe(400);
  });
});

describe('B14 approving and rejecting', () => {
  it('B14 approve creates an open job, shared to the organization, linked both ways, the submitter as primary contact', async () => {
    const created = (await submit(alice)).json;
    const res = await review(agency, created.id, 'approve');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      id: created.id,
      status: 'approved',
      jobId: expect.any(String),
      reviewedBy: expect.any(String),
    });
    const job = await api('GET', `/crm/jobs/${res.json.jobId}`, { token: agency.token });
    expect(job.json).toMatchObject({
      title: fullRequisition.title,
      description: fullRequisition.description,
      location: fullRequisition.location,
      organizationId: agency.orgId,
      primaryContactId: alice.contactId,
      status: 'open',
      sharedToPortal: true,
      clientAllowedStages: ['shortlisted', 'interview', 'rejected'],
      requisitionId: created.id,
    });
    const seen = await portalApi('GET', `/portal/requisitions/${created.id}`, { cookie: bob.cookie });
    expect(seen.json).toMatchObject({ status: 'approved', jobId: job.json.id });
    expect(seen.json).not.toHaveProperty('reviewedBy');
    const jobs = await portalApi('GET', '/portal/jobs', { cookie: bob.cookie });
    expect(jobs.json.items).toContainEqual(
      expect.objectContaining({ id: job.json.id, requisitionId: created.id }),
    );
    expect((await review(agency, created.id, 'approve')).json.error.code).toBe('not_pending');
    const jobsAfter = (await api('GET', '/crm/jobs', { token: agency.token })).json.items;
    expect(jobsAfter.filter((j: { requisitionId?: string }) => j.requisitionId === created.id)).toHaveLength(
      1,
    );
  });

  it('B13 B14 racing reviews and a withdrawal: exactly one wins, one job at most, the count drops once', async () => {
    const created = (await submit(alice)).json;
    const countBefore = (await crmList(agency)).pendingCount;
    const results = await Promise.all([
      review(agency, created.id, 'approve'),
      review(agency, created.id, 'approve'),
      review(agency, created.id, 'reject', { remarks: 'No' }),
      portalApi('POST', `/portal/requisitions/${created.id}/withdraw`, { cookie: alice.cookie }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    const final = (await portalApi('GET', `/portal/requisitions/${created.id}`, { cookie: alice.cookie }))
      .json;
    const jobs = (await api('GET', '/crm/jobs?limit=100', { token: agency.token })).json.items;
    const linked = jobs.filter((j: { requisitionId?: string }) => j.requisitionId === created.id);
    expect(linked).toHaveLength(final.status === 'approved' ? 1 : 0);
    expect((await crmList(agency)).pendingCount).toBe(countBefore - 1);
  });

  it('B14 reject needs remarks (400); a rejected requisition stays visible in the portal with them', async () => {
    const created = (await submit(alice)).json;
    for (const body of [undefined, {}, { remarks: '' }, { remarks: '   ' }, { remarks: 'x'.repeat(10_001) }])
      expect((await review(agency, created.id, 'reject', body)).status).toBe(400);
    const res = await review(agency, created.id, 'reject', { remarks: 'Please add a salary range.' });
    expect(res).toMatchObject({
      status: 200,
      json: { id: created.id, status: 'rejected', reviewRemarks: 'Please add a salary range.' },
    });
    const seen = await portalApi('GET', `/portal/requisitions/${created.id}`, { cookie: alice.cookie });
    expect(seen.json).toMatchObject({ status: 'rejected', reviewRemarks: 'Please add a salary range.' });
    expect((await portalList(bob)).items).toContainEqual(seen.json);
    expect(await review(agency, created.id, 'approve')).toMatchObject({
      status: 409,
      json: { error: { code: 'not_pending' } },
    });
  });

  it('B1 B14 with the add-on off, approve is 403 portal_disabled and nothing changes', async () => {
    const solo = await newAgency();
    const client = await signedInClient(solo);
    const created = (await submit(client)).json;
    await api('PATCH', '/crm/account', { token: solo.token, body: { portalEnabled: false } });
    const before = await snapshotAccount(solo.accountId);
    expect(await review(solo, created.id, 'approve')).toMatchObject({
      status: 403,
      json: { error: { code: 'portal_disabled' } },
    });
    expect(await snapshotAccount(solo.accountId)).toEqual(before);
  });

  it('B10 B14 a submitter who left the organization is not made primary contact; the job is still shared', async () => {
    const solo = await newAgency();
    const client = await signedInClient(solo);
    const created = (await submit(client)).json;
    await api('PATCH', `/crm/contacts/${client.contactId}`, {
      token: solo.token,
      body: { organizationId: null },
    });
    const res = await review(solo, created.id, 'approve');
    expect(res.status).toBe(200);
    const job = await api('GET', `/crm/jobs/${res.json.jobId}`, { token: solo.token });
    expect(job.json).toMatchObject({
      organizationId: solo.orgId,
      primaryContactId: null,
      sharedToPortal: true,
      requisitionId: created.id,
    });
  });

  it('B15 B14 approving a requisition of a deleted organization is 422 organization_not_found; it stays pending', async () => {
    const solo = await newAgency();
    const client = await signedInClient(solo);
    const created = (await submit(client)).json;
    expect((await api('DELETE', `/crm/organizations/${solo.orgId}`, { token: solo.token })).status).toBe(204);
    const res = await review(solo, created.id, 'approve');
    expect(res).toMatchObject({ status: 422, json: { error: { code: 'organization_not_found' } } });
    expect(await crmList(solo)).toMatchObject({
      pendingCount: 1,
      items: [{ id: created.id, status: 'pending' }],
    });
    expect((await api('GET', '/crm/jobs', { token: solo.token })).json.items).toEqual([]);
  });
});

describe('SPEC §4 requests per route', () => {
  it('B14 the recruiter routes: list is a Query and a GetItem in parallel, reviews one read and one transaction', async () => {
    const [first, second] = [(await submit(alice)).json, (await submit(alice)).json];
    const list = await api('GET', '/crm/requisitions?status=pending', { token: agency.token });
    expect(dynamodbCommands(list).sort()).toEqual(['GetItem', 'Query']);
    expect(dynamodbCommands(await review(agency, first.id, 'approve'))).toEqual([
      'BatchGetItem',
      'TransactWriteItems',
    ]);
    const rejected = await review(agency, second.id, 'reject', { remarks: 'No budget' });
    expect(dynamodbCommands(rejected)).toEqual(['GetItem', 'TransactWriteItems']);
  });

  it('B13 after the session check, a portal write is one transaction and a portal list one Query', async () => {
    const created = await submit(bob);
    expect(dynamodbCommands(created).at(-1)).toBe('TransactWriteItems');
    const list = await portalApi('GET', '/portal/requisitions', { cookie: bob.cookie });
    expect(dynamodbCommands(list).at(-1)).toBe('Query');
    const withdrawn = await portalApi('POST', `/portal/requisitions/${created.json.id}/withdraw`, {
      cookie: bob.cookie,
    });
    expect(dynamodbCommands(withdrawn).slice(-2)).toEqual(['GetItem', 'TransactWriteItems']);
  });
});

describe('SPEC §3 isolation, bad input and the portal guards', () => {
  it('another organization or account gets 404 for a requisition id everywhere, and nothing changes', async () => {
    const target = (await submit(alice)).json;
    const otherAccountTarget = (await submit(dave)).json;
    const [before, otherBefore] = await Promise.all([
      snapshotAccount(agency.accountId),
      snapshotAccount(otherAgency.accountId),
    ]);
    const attempts = [
      ...[carol, dave].flatMap((stranger) => [
        portalApi('GET', `/portal/requisitions/${target.id}`, { cookie: stranger.cookie }),
        portalApi('PATCH', `/portal/requisitions/${target.id}`, {
          cookie: stranger.cookie,
          body: { title: 'Hijacked' },
        }),
        portalApi('POST', `/portal/requisitions/${target.id}/withdraw`, { cookie: stranger.cookie }),
      ]),
      review(otherAgency, target.id, 'approve'),
      review(otherAgency, target.id, 'reject', { remarks: 'Hijacked' }),
      review(agency, otherAccountTarget.id, 'approve'),
      review(agency, otherAccountTarget.id, 'reject', { remarks: 'Hijacked' }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res).toMatchObject({ status: 404, json: { error: { code: 'not_found' } } });
      expect(res.text).not.toContain(agency.orgId);
    }
    expect(await snapshotAccount(agency.accountId)).toEqual(before);
    expect(await snapshotAccount(otherAgency.accountId)).toEqual(otherBefore);
  });

  it('B13 bad input is 400 with per-field details and writes nothing', async () => {
    const created = (await submit(alice)).json;
    const before = await snapshotAccount(agency.accountId);
    const { title: _title, ...noTitle } = fullRequisition;
    const bad: [Record<string, unknown>, string][] = [
      [{ ...fullRequisition, salaryMin: 100_000, salaryMax: 90_000 }, 'salaryMin'],
      [{ ...fullRequisition, openings: 0 }, 'openings'],
      [{ ...fullRequisition, openings: 1001 }, 'openings'],
      [{ ...fullRequisition, openings: 1.5 }, 'openings'],
      [{ ...fullRequisition, employmentType: 'freelance' }, 'employmentType'],
      [noTitle, 'title'],
      [{ ...fullRequisition, title: 'x'.repeat(201) }, 'title'],
      [{ ...fullRequisition, currency: 'euro' }, 'currency'],
      [{ ...fullRequisition, organizationId: carol.contactId }, '(body)'],
    ];
    for (const [body, field] of bad) {
      const res = await submit(alice, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error.code).toBe('validation_failed');
      if (field !== '(body)') expect(res.json.error.details).toHaveProperty([field]);
      if (body === noTitle) continue; // an edit may leave the title out
      const patch = await portalApi('PATCH', `/portal/requisitions/${created.id}`, {
        cookie: alice.cookie,
        body,
      });
      expect(patch.status, JSON.stringify(body)).toBe(400);
    }
    for (const body of [
      {},
      { title: '' },
      { openings: null },
      { status: 'approved' },
      { jobId: created.id },
    ]) {
      const patch = await portalApi('PATCH', `/portal/requisitions/${created.id}`, {
        cookie: alice.cookie,
        body,
      });
      expect(patch.status, JSON.stringify(body)).toBe(400);
    }
    expect(await snapshotAccount(agency.accountId)).toEqual(before);
  });

  it('portal writes without the X-Requested-With header are 403 csrf; without a session every call is 401', async () => {
    const created = (await submit(alice)).json;
    const before = await snapshotAccount(agency.accountId);
    const writes: [string, string, unknown][] = [
      ['POST', '/portal/requisitions', fullRequisition],
      ['PATCH', `/portal/requisitions/${created.id}`, { title: 'Forged' }],
      ['POST', `/portal/requisitions/${created.id}/withdraw`, undefined],
    ];
    for (const [method, path, body] of writes) {
      const res = await portalApi(method, path, { cookie: alice.cookie, body, csrf: false });
      expect(res).toMatchObject({ status: 403, json: { error: { code: 'csrf' } } });
    }
    const reads: [string, string, unknown][] = [
      ['GET', '/portal/requisitions', undefined],
      ['GET', `/portal/requisitions/${created.id}`, undefined],
    ];
    for (const [method, path, body] of [...writes, ...reads]) {
      const res = await portalApi(method, path, { body });
      expect(res.status, `${method} ${path}`).toBe(401);
      expect((await portalApi(method, path, { body, cookie: 'portal_session=forged' })).status).toBe(401);
    }
    expect(await snapshotAccount(agency.accountId)).toEqual(before);
  });
});
