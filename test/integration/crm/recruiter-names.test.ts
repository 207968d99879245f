import { decodeJwt } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, newAccountId, signTestToken } from '../../support/api.ts';
import { newAgency, portalApi, signedInClient, type Agency, type SignedIn } from '../../support/portal.ts';

/** A token from the local issuer, the way the console's local sign-in gets one. */
async function localToken(body: Record<string, unknown>) {
  const res = await api<{ token: string }>('POST', '/_local/recruiter-token', { body });
  expect(res.status).toBe(200);
  return res.json.token;
}

let agency: Agency;
let client: SignedIn;
let jobId: string;
let submissionId: string;

beforeAll(async () => {
  agency = await newAgency('Acme Recruiting');
  client = await signedInClient(agency);
  const job = await api('POST', '/crm/jobs', {
    token: agency.token,
    body: {
      title: 'Data Engineer',
      description: 'x',
      organizationId: agency.orgId,
      primaryContactId: client.contactId,
    },
  });
  jobId = job.json.id;
  expect((await api('PUT', `/crm/jobs/${jobId}/portal-share`, { token: agency.token })).status).toBe(200);
  const candidate = await api('POST', '/crm/candidates', {
    token: agency.token,
    body: { firstName: 'Ada', lastName: 'Lovelace' },
  });
  const submission = await api('POST', `/crm/jobs/${jobId}/submissions`, {
    token: agency.token,
    body: { candidateId: candidate.json.id },
  });
  submissionId = submission.json.id;
});

/** Adds a client-visible remark with this token; answers how the portal names its author. */
async function remarkSeenByClient(token: string, text: string) {
  const res = await api('PATCH', `/crm/jobs/${jobId}/submissions/${submissionId}`, {
    token,
    body: { remark: text, remarkVisibility: 'client' },
  });
  expect(res.status).toBe(200);
  const pipeline = await portalApi('GET', `/portal/jobs/${jobId}/candidates`, { cookie: client.cookie });
  expect(pipeline.status).toBe(200);
  const remark = pipeline.json.items[0].remarks.find((r: { text: string }) => r.text === text);
  return { remark, portalText: pipeline.text };
}

describe('recruiters are named as people, never by e-mail address', () => {
  it('the local token issuer puts the name into the token as the name claim', async () => {
    const accountId = newAccountId();
    const token = await localToken({
      accountId,
      email: 'rita@acme.test',
      role: 'admin',
      name: '  Rita Recruiter ',
    });
    expect(decodeJwt(token)).toMatchObject({ name: 'Rita Recruiter', email: 'rita@acme.test' });
    const refused = await api('POST', '/_local/recruiter-token', {
      body: { accountId, role: 'admin', name: 'x'.repeat(201) },
    });
    expect(refused.status).toBe(400);
    expect(refused.json.error.details).toHaveProperty('name');
  });

  it("B12 a recruiter's client remark shows the token's name to the client, and not the e-mail address", async () => {
    const email = `rita.recruiter@${agency.accountId}.test`;
    const token = await localToken({
      accountId: agency.accountId,
      email,
      role: 'recruiter',
      name: 'Rita Recruiter',
    });
    const { remark, portalText } = await remarkSeenByClient(token, 'Available from March');
    expect(remark.by).toEqual({ type: 'recruiter', name: 'Rita Recruiter' });
    expect(portalText).not.toContain(email);
  });

  it('B12 without a name claim, given_name and family_name name the recruiter', async () => {
    const token = await signTestToken({
      claims: { accountId: agency.accountId, email: `grace@${agency.accountId}.test`, role: 'recruiter' },
      payload: { given_name: 'Grace', family_name: 'Hopper' },
    });
    const { remark } = await remarkSeenByClient(token, 'Strong references');
    expect(remark.by.name).toBe('Grace Hopper');
  });

  it("B12 a token with no name claims signs the remark with the agency's portal name, never the e-mail", async () => {
    const email = `nameless@${agency.accountId}.test`;
    const token = await localToken({ accountId: agency.accountId, email, role: 'recruiter' });
    const { remark, portalText } = await remarkSeenByClient(token, 'Salary expectations confirmed');
    expect(remark.by).toEqual({ type: 'recruiter', name: 'Acme Recruiting' });
    expect(portalText).not.toContain(email);
  });

  it('B12 the recruiter view of the pipeline names the remark author the same way', async () => {
    const res = await api('GET', `/crm/jobs/${jobId}/submissions`, { token: agency.token });
    const names = res.json.items[0].remarks.map((r: { by: { name: string } }) => r.by.name);
    expect(names).toEqual(['Rita Recruiter', 'Grace Hopper', 'Acme Recruiting']);
    expect(names.join(' ')).not.toContain('@');
  });
});
