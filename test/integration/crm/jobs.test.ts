import { beforeEach, describe, expect, it } from 'vitest';
import { api, enablePortal, newAccountId, recruiterToken } from '../../support/api.ts';

let token: string;
let orgA: string;
let orgB: string;
let contactA: string;
let contactB: string;

beforeEach(async () => {
  token = await recruiterToken({ accountId: newAccountId(), role: 'admin' });
  orgA = (await api('POST', '/crm/organizations', { token, body: { name: 'Acme' } })).json.id;
  orgB = (await api('POST', '/crm/organizations', { token, body: { name: 'Globex' } })).json.id;
  const contact = (organizationId: string) =>
    api('POST', '/crm/contacts', {
      token,
      body: { firstName: 'P', lastName: 'C', email: 'p@c.test', organizationId },
    });
  contactA = (await contact(orgA)).json.id;
  contactB = (await contact(orgB)).json.id;
});

const newJob = (body: Record<string, unknown> = {}) =>
  api('POST', '/crm/jobs', {
    token,
    body: { title: 'Engineer', description: 'Builds things', organizationId: orgA, ...body },
  });

describe('jobs', () => {
  it('creates a job with the SPEC shape and default clientAllowedStages', async () => {
    const res = await newJob({ primaryContactId: contactA, location: 'Berlin' });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      id: expect.any(String),
      title: 'Engineer',
      description: 'Builds things',
      location: 'Berlin',
      organizationId: orgA,
      primaryContactId: contactA,
      status: 'open',
      sharedToPortal: false,
      clientAllowedStages: ['shortlisted', 'interview', 'rejected'],
    });
    expect((await api('GET', `/crm/jobs/${res.json.id}`, { token })).json).toEqual(res.json);
    const list = await api('GET', '/crm/jobs', { token });
    expect(list.json).toEqual({ items: [res.json], nextCursor: null });
  });

  it('refuses an unknown organization or a primary contact of another organization (422)', async () => {
    const noOrg = await newJob({ organizationId: '01JNOSUCHORG00000000000000' });
    expect(noOrg).toMatchObject({ status: 422, json: { error: { code: 'organization_not_found' } } });
    const foreign = await newJob({ primaryContactId: contactB });
    expect(foreign).toMatchObject({ status: 422, json: { error: { code: 'invalid_primary_contact' } } });
    expect((await api('GET', '/crm/jobs', { token })).json.items).toEqual([]);
  });

  it('B12 the recruiter sets clientAllowedStages; unknown stages are 400', async () => {
    const job = await newJob();
    const patched = await api('PATCH', `/crm/jobs/${job.json.id}`, {
      token,
      body: { clientAllowedStages: ['interview', 'offer'], status: 'closed' },
    });
    expect(patched.json).toMatchObject({ clientAllowedStages: ['interview', 'offer'], status: 'closed' });
    const bad = await api('PATCH', `/crm/jobs/${job.json.id}`, {
      token,
      body: { clientAllowedStages: ['maybe'] },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details).toHaveProperty('clientAllowedStages.0');
  });

  it('deletes a job (B18)', async () => {
    const job = await newJob();
    expect((await api('DELETE', `/crm/jobs/${job.json.id}`, { token })).status).toBe(204);
    expect((await api('GET', `/crm/jobs/${job.json.id}`, { token })).status).toBe(404);
    expect((await api('DELETE', `/crm/jobs/${job.json.id}`, { token })).status).toBe(404);
  });
});

describe('B10 sharing a job to the portal', () => {
  it('B1 B10 with the add-on off, share answers 403 portal_disabled before any other rule', async () => {
    const job = await newJob();
    const res = await api('PUT', `/crm/jobs/${job.json.id}/portal-share`, { token });
    expect(res).toMatchObject({ status: 403, json: { error: { code: 'portal_disabled' } } });
  });

  it('B10 a job without a primary contact is not shareable', async () => {
    await enablePortal(token);
    const job = await newJob();
    const res = await api('PUT', `/crm/jobs/${job.json.id}/portal-share`, { token });
    expect(res.status).toBe(422);
    expect(res.json.error).toMatchObject({
      code: 'not_shareable',
      details: { reasons: ['no_primary_contact'] },
    });
  });

  it('B10 a primary contact who left the organization makes the job not shareable', async () => {
    await enablePortal(token);
    const job = await newJob({ primaryContactId: contactA });
    await api('PATCH', `/crm/contacts/${contactA}`, { token, body: { organizationId: orgB } });
    const res = await api('PUT', `/crm/jobs/${job.json.id}/portal-share`, { token });
    expect(res.json.error.code).toBe('not_shareable');
    // Until the release handler runs the job still names the contact; once it has, it names none (B10).
    expect([['primary_contact_not_in_organization'], ['no_primary_contact']]).toContainEqual(
      res.json.error.details.reasons,
    );
  });

  it('B10 shares, unshares, and a change of organization unshares', async () => {
    await enablePortal(token);
    const job = await newJob({ primaryContactId: contactA });
    const shared = await api('PUT', `/crm/jobs/${job.json.id}/portal-share`, { token });
    expect(shared).toMatchObject({ status: 200, json: { sharedToPortal: true } });
    const unshared = await api('DELETE', `/crm/jobs/${job.json.id}/portal-share`, { token });
    expect(unshared).toMatchObject({ status: 200, json: { sharedToPortal: false } });
    await api('PUT', `/crm/jobs/${job.json.id}/portal-share`, { token });
    const moved = await api('PATCH', `/crm/jobs/${job.json.id}`, { token, body: { organizationId: orgB } });
    expect(moved.json).toMatchObject({ organizationId: orgB, sharedToPortal: false, primaryContactId: null });
    const withContact = await api('PATCH', `/crm/jobs/${job.json.id}`, {
      token,
      body: { primaryContactId: contactB },
    });
    expect(withContact.json.primaryContactId).toBe(contactB);
    expect((await api('PUT', `/crm/jobs/${job.json.id}/portal-share`, { token })).json.sharedToPortal).toBe(
      true,
    );
  });
});
