import { describe, expect, it } from 'vitest';
import { keys } from '../../../shared/data/keys.ts';
import { api, mailsTo, queryPartition, waitForMail } from '../../support/api.ts';
import { waitFor, waitForPipelineIdle } from '../../support/pipeline.ts';
import { newAgency, portalApi, signedInClient } from '../../support/portal.ts';

async function sharedJobWithCandidate() {
  const agency = await newAgency();
  const client = await signedInClient(agency);
  const job = await api('POST', '/crm/jobs', {
    token: agency.token,
    body: {
      title: 'Engineer',
      description: 'x',
      organizationId: agency.orgId,
      primaryContactId: client.contactId,
    },
  });
  await api('PUT', `/crm/jobs/${job.json.id}/portal-share`, { token: agency.token });
  const cand = await api('POST', '/crm/candidates', {
    token: agency.token,
    body: { firstName: 'Linus', lastName: 'T' },
  });
  const sub = await api('POST', `/crm/jobs/${job.json.id}/submissions`, {
    token: agency.token,
    body: { candidateId: cand.json.id },
  });
  return {
    agency,
    client,
    jobId: job.json.id as string,
    candidateId: cand.json.id as string,
    submissionId: sub.json.id as string,
  };
}

describe('B18 deleting jobs and candidates empties the portal pipelines', () => {
  it('B18 a deleted job takes its pipeline and remarks with it', async () => {
    const { agency, client, jobId } = await sharedJobWithCandidate();
    await api('DELETE', `/crm/jobs/${jobId}`, { token: agency.token });
    expect(
      (await portalApi('GET', `/portal/jobs/${jobId}/candidates`, { cookie: client.cookie })).status,
    ).toBe(404);
    await waitFor(async () => (await queryPartition(keys.job(agency.accountId, jobId).PK)).length === 0);
  });

  it('B18 a deleted candidate leaves every pipeline, history included', async () => {
    const { agency, client, jobId, candidateId, submissionId } = await sharedJobWithCandidate();
    await portalApi('POST', `/portal/jobs/${jobId}/candidates/${submissionId}/remarks`, {
      cookie: client.cookie,
      body: { remark: 'Keen' },
    });
    await api('PATCH', `/crm/jobs/${jobId}/submissions/${submissionId}`, {
      token: agency.token,
      body: { remark: 'Internal note' },
    });
    await api('DELETE', `/crm/candidates/${candidateId}`, { token: agency.token });
    await waitFor(
      async () =>
        (await portalApi('GET', `/portal/jobs/${jobId}/candidates`, { cookie: client.cookie })).json.items
          .length === 0,
    );
    expect((await api('GET', `/crm/jobs/${jobId}/submissions`, { token: agency.token })).json.items).toEqual(
      [],
    );
    // The guard went too: the candidate's id can be submitted afresh if it ever comes back.
    expect((await queryPartition(keys.job(agency.accountId, jobId).PK)).map((i) => i.SK)).toEqual(['#JOB']);
  });

  it('B10 when the primary contact is unassigned the job keeps being shared, without it', async () => {
    const { agency, client, jobId } = await sharedJobWithCandidate();
    await api('PATCH', `/crm/contacts/${client.contactId}`, {
      token: agency.token,
      body: { organizationId: null },
    });
    const job = await waitFor(async () => {
      const res = await api('GET', `/crm/jobs/${jobId}`, { token: agency.token });
      return res.json.primaryContactId === null ? res.json : undefined;
    });
    expect(job).toMatchObject({ sharedToPortal: true, primaryContactId: null });
  });

  it('B10 when the primary contact is deleted the job keeps being shared, without it', async () => {
    const { agency, client, jobId } = await sharedJobWithCandidate();
    await api('DELETE', `/crm/contacts/${client.contactId}`, { token: agency.token });
    const job = await waitFor(async () => {
      const res = await api('GET', `/crm/jobs/${jobId}`, { token: agency.token });
      return res.json.primaryContactId === null ? res.json : undefined;
    });
    expect(job).toMatchObject({ sharedToPortal: true, primaryContactId: null });
  });
});

describe('B14 B23 notifications', () => {
  it('B23 the notification address hears of a submitted requisition, once', async () => {
    const { agency, client } = await sharedJobWithCandidate();
    const since = Date.now();
    await portalApi('POST', '/portal/requisitions', {
      cookie: client.cookie,
      body: { title: 'Data Scientist', description: 'x', employmentType: 'full_time', openings: 2 },
    });
    const to = `notify@${agency.accountId}.test`;
    const mail = await waitForMail(
      (m) => m.destination.to.includes(to) && m.subject.includes('Data Scientist'),
    );
    expect(mail.body.text).toContain(client.email);
    await waitForPipelineIdle({ since });
    expect((await mailsTo(to)).filter((m) => m.subject.includes('Data Scientist'))).toHaveLength(1);
  });

  it('B23 the notification address hears of a client moving and remarking on a candidate', async () => {
    const { agency, client, jobId, submissionId } = await sharedJobWithCandidate();
    await portalApi('POST', `/portal/jobs/${jobId}/candidates/${submissionId}/moves`, {
      cookie: client.cookie,
      body: { stage: 'interview', remark: 'Strong profile' },
    });
    const to = `notify@${agency.accountId}.test`;
    const moved = await waitForMail((m) => m.destination.to.includes(to) && m.subject.includes('moved'));
    expect(moved.body.text).toContain('from submitted to interview: "Strong profile"');
    await portalApi('POST', `/portal/jobs/${jobId}/candidates/${submissionId}/remarks`, {
      cookie: client.cookie,
      body: { remark: 'Tuesday?' },
    });
    const remark = await waitForMail((m) => m.destination.to.includes(to) && m.subject.includes('remark'));
    expect(remark.body.text).toContain('Tuesday?');
  });

  it('B14 the submitter is e-mailed when the requisition is approved or rejected', async () => {
    const { agency, client } = await sharedJobWithCandidate();
    const create = (title: string) =>
      portalApi('POST', '/portal/requisitions', {
        cookie: client.cookie,
        body: { title, description: 'x', employmentType: 'contract', openings: 1 },
      });
    const a = await create('Approve me');
    const r = await create('Reject me');
    await api('POST', `/crm/requisitions/${a.json.id}/approve`, { token: agency.token });
    await api('POST', `/crm/requisitions/${r.json.id}/reject`, {
      token: agency.token,
      body: { remarks: 'Budget frozen until Q3' },
    });
    const approved = await waitForMail(
      (m) => m.destination.to.includes(client.email) && m.subject.includes('"Approve me" was approved'),
    );
    expect(approved.body.text).toContain('/app');
    const rejected = await waitForMail(
      (m) => m.destination.to.includes(client.email) && m.subject.includes('"Reject me" was not approved'),
    );
    expect(rejected.body.text).toContain('Budget frozen until Q3');
  });
});
