import { beforeAll, describe, expect, it } from 'vitest';
import { routeList } from '../../../shared/api/routes.ts';
import { api, snapshotAccount } from '../../support/api.ts';
import { newAgency, portalApi, signedInClient, type Agency, type SignedIn } from '../../support/portal.ts';

/** One organization's world: a signed-in client, a shared job with a candidate, a requisition. */
interface World {
  agency: Agency;
  orgId: string;
  client: SignedIn;
  ids: { jobId: string; submissionId: string; reqId: string };
}

async function world(agency: Agency, orgId: string): Promise<World> {
  const client = await signedInClient(agency, { orgId });
  const job = await api('POST', '/crm/jobs', {
    token: agency.token,
    body: { title: 'Role', description: 'x', organizationId: orgId, primaryContactId: client.contactId },
  });
  await api('PUT', `/crm/jobs/${job.json.id}/portal-share`, { token: agency.token });
  const cand = await api('POST', '/crm/candidates', {
    token: agency.token,
    body: { firstName: 'C', lastName: 'D' },
  });
  const sub = await api('POST', `/crm/jobs/${job.json.id}/submissions`, {
    token: agency.token,
    body: { candidateId: cand.json.id },
  });
  const req = await portalApi('POST', '/portal/requisitions', {
    cookie: client.cookie,
    body: { title: 'Need', description: 'x', employmentType: 'full_time', openings: 1 },
  });
  expect(req.status).toBe(201);
  return {
    agency,
    orgId,
    client,
    ids: { jobId: job.json.id, submissionId: sub.json.id, reqId: req.json.id },
  };
}

const sampleBodies: Record<string, unknown> = {
  'POST /portal/jobs/{jobId}/candidates/{submissionId}/moves': { stage: 'rejected', remark: 'x' },
  'POST /portal/jobs/{jobId}/candidates/{submissionId}/remarks': { remark: 'x' },
  'PATCH /portal/requisitions/{reqId}': { title: 'Hijacked' },
};

let a1: World;
let a2: World;
let b1: World;
let b2: World;

beforeAll(async () => {
  const agencyA = await newAgency('Agency A');
  const agencyB = await newAgency('Agency B');
  const orgA2 = (await api('POST', '/crm/organizations', { token: agencyA.token, body: { name: 'A2' } })).json
    .id;
  const orgB2 = (await api('POST', '/crm/organizations', { token: agencyB.token, body: { name: 'B2' } })).json
    .id;
  [a1, a2, b1, b2] = await Promise.all([
    world(agencyA, agencyA.orgId),
    world(agencyA, orgA2),
    world(agencyB, agencyB.orgId),
    world(agencyB, orgB2),
  ]);
}, 120_000);

const targeted = routeList.filter((r) => r.auth === 'session' && r.params);

describe('organization and tenant isolation in the portal', () => {
  const cases = targeted.flatMap((r) =>
    (
      ['same agency, other organization', 'other agency', 'other agency, its second organization'] as const
    ).map((who) => [`${r.method} ${r.path} — ${who}`, r, who] as const),
  );

  it.each(cases)('%s: 404 and nothing changed', async (_name, r, who) => {
    const victim = who === 'same agency, other organization' ? a2 : who === 'other agency' ? b1 : b2;
    const path = r.path.replace(/\{(\w+)\}/g, (_, name: string) => victim.ids[name as keyof World['ids']]);
    const before = await Promise.all([
      snapshotAccount(a1.agency.accountId),
      snapshotAccount(b1.agency.accountId),
    ]);
    const res = await portalApi(r.method, path, {
      cookie: a1.client.cookie,
      body: sampleBodies[`${r.method} ${r.path}`],
    });
    expect(res.status).toBe(404);
    for (const id of Object.values(victim.ids)) expect(res.text).not.toContain(`"${id}"`);
    const after = await Promise.all([
      snapshotAccount(a1.agency.accountId),
      snapshotAccount(b1.agency.accountId),
    ]);
    // Only the caller's session may have slid its idle expiry; nothing else may change.
    const strip = (items: Record<string, unknown>[]) => items.filter((i) => i.type !== 'session');
    expect(after.map(strip)).toEqual(before.map(strip));
  });

  it('each organization sees only its own jobs and requisitions', async () => {
    for (const w of [a1, a2, b1, b2]) {
      const jobs = await portalApi('GET', '/portal/jobs', { cookie: w.client.cookie });
      expect(jobs.json.items.map((j: { id: string }) => j.id)).toEqual([w.ids.jobId]);
      const reqs = await portalApi('GET', '/portal/requisitions', { cookie: w.client.cookie });
      expect(reqs.json.items.map((q: { id: string }) => q.id)).toEqual([w.ids.reqId]);
    }
  });

  it('a recruiter of another agency gets 404 for our requisitions and our contact’s access', async () => {
    const paths: [string, string, unknown?][] = [
      ['POST', `/crm/requisitions/${a1.ids.reqId}/approve`],
      ['POST', `/crm/requisitions/${a1.ids.reqId}/reject`, { remarks: 'no' }],
      ['DELETE', `/crm/contacts/${a1.client.contactId}/portal-access`],
    ];
    const before = await snapshotAccount(a1.agency.accountId);
    for (const [method, path, body] of paths) {
      const res = await api(method, path, { token: b1.agency.token, body });
      expect(res.status).toBe(404);
    }
    expect((await portalApi('GET', '/portal/me', { cookie: a1.client.cookie })).status).toBe(200);
    const after = await snapshotAccount(a1.agency.accountId);
    expect(after.filter((i) => i.type !== 'session')).toEqual(before.filter((i) => i.type !== 'session'));
  });
});
