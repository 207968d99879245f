import { beforeAll, describe, expect, it } from 'vitest';
import { routeList } from '../../../shared/api/routes.ts';
import { api, enablePortal, newAccountId, recruiterToken } from '../../support/api.ts';
import { portalApi, signedInClient } from '../../support/portal.ts';

/** Account A's resources, attacked with account B's token: always 404, never a change. */
let ownerAccountId: string;
let ownerToken: string;
let otherToken: string;
const ids: Record<string, string> = {};

async function ownerView() {
  const paths = [
    `/crm/organizations/${ids.orgId}`,
    `/crm/contacts/${ids.contactId}`,
    `/crm/jobs/${ids.jobId}`,
    `/crm/candidates/${ids.candidateId}`,
    `/crm/jobs/${ids.jobId}/submissions`,
    `/crm/contacts/${ids.contactId}/audit`,
    '/crm/requisitions',
  ];
  return Promise.all(paths.map(async (p) => (await api('GET', p, { token: ownerToken })).json));
}

const sampleBodies: Record<string, unknown> = {
  'PATCH /crm/organizations/{orgId}': { name: 'Hijacked' },
  'PATCH /crm/contacts/{contactId}': { firstName: 'Hijacked' },
  'PATCH /crm/jobs/{jobId}': { title: 'Hijacked' },
  'POST /crm/jobs/{jobId}/submissions': { candidateId: '01JAAAAAAAAAAAAAAAAAAAAAAA' },
  'PATCH /crm/jobs/{jobId}/submissions/{submissionId}': { stage: 'hired', remark: 'Hijacked' },
  'POST /crm/requisitions/{reqId}/reject': { remarks: 'Hijacked' },
};

beforeAll(async () => {
  ownerAccountId = newAccountId();
  ownerToken = await recruiterToken({ accountId: ownerAccountId, role: 'admin' });
  otherToken = await recruiterToken({ accountId: newAccountId(), role: 'admin' });
  await enablePortal(ownerToken);
  await enablePortal(otherToken);
  ids.orgId = (
    await api('POST', '/crm/organizations', { token: ownerToken, body: { name: 'Acme' } })
  ).json.id;
  ids.contactId = (
    await api('POST', '/crm/contacts', {
      token: ownerToken,
      body: { firstName: 'A', lastName: 'B', email: 'a@acme.test', organizationId: ids.orgId },
    })
  ).json.id;
  ids.jobId = (
    await api('POST', '/crm/jobs', {
      token: ownerToken,
      body: { title: 'T', description: 'D', organizationId: ids.orgId, primaryContactId: ids.contactId },
    })
  ).json.id;
  ids.candidateId = (
    await api('POST', '/crm/candidates', { token: ownerToken, body: { firstName: 'C', lastName: 'D' } })
  ).json.id;
  ids.submissionId = (
    await api('POST', `/crm/jobs/${ids.jobId}/submissions`, {
      token: ownerToken,
      body: { candidateId: ids.candidateId },
    })
  ).json.id;
  await api('POST', `/crm/contacts/${ids.contactId}/portal-invitation`, { token: ownerToken });
  // A requisition needs a signed-in client of the owner account.
  const client = await signedInClient({
    accountId: ownerAccountId,
    token: ownerToken,
    orgId: ids.orgId as string,
  });
  ids.reqId = (
    await portalApi('POST', '/portal/requisitions', {
      cookie: client.cookie,
      body: { title: 'Need', description: 'x', employmentType: 'contract', openings: 2 },
    })
  ).json.id;
});

const targeted = routeList.filter((r) => r.auth === 'jwt' && r.params);

describe('tenant isolation: another account never sees or changes our ids', () => {
  it.each(targeted.map((r) => [`${r.method} ${r.path}`, r] as const))(
    '%s with another account’s ids is 404 and changes nothing',
    async (key, r) => {
      const before = await ownerView();
      const path = r.path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? 'missing');
      const res = await api(r.method, path, {
        token: otherToken,
        body: sampleBodies[key] ?? (r.body ? {} : undefined),
      });
      expect(res.status).toBe(404);
      expect(res.json.error.code).toBe('not_found');
      expect(JSON.stringify(res.json)).not.toContain(ids.orgId);
      expect(await ownerView()).toEqual(before);
    },
  );

  it('another account cannot create a contact in, or a job for, our organization', async () => {
    const contact = await api('POST', '/crm/contacts', {
      token: otherToken,
      body: { firstName: 'X', lastName: 'Y', organizationId: ids.orgId },
    });
    expect(contact.status).toBe(422);
    const job = await api('POST', '/crm/jobs', {
      token: otherToken,
      body: { title: 'T', description: 'D', organizationId: ids.orgId },
    });
    expect(job.status).toBe(422);
    const list = await api('GET', `/crm/organizations/${ids.orgId}/contacts`, { token: ownerToken });
    // The invited contact and the signed-in client of beforeAll; nobody from the other account.
    expect(list.json.items).toHaveLength(2);
  });
});
