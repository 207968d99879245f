import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../support/api.ts';
import { newAgency, portalApi, signedInClient, type Agency, type SignedIn } from '../../support/portal.ts';

let agency: Agency;
let client: SignedIn;
let jobId: string;
let submissionId: string;
const secretEmail = 'linus.secret@candidates.test';
const secretPhone = '+1-555-0199-secret';

beforeAll(async () => {
  agency = await newAgency();
  client = await signedInClient(agency);
  const job = await api('POST', '/crm/jobs', {
    token: agency.token,
    body: {
      title: 'Kernel Engineer',
      description: 'C',
      organizationId: agency.orgId,
      primaryContactId: client.contactId,
    },
  });
  jobId = job.json.id;
  await api('PUT', `/crm/jobs/${jobId}/portal-share`, { token: agency.token });
  const cand = await api('POST', '/crm/candidates', {
    token: agency.token,
    body: {
      firstName: 'Linus',
      lastName: 'T',
      email: secretEmail,
      phone: secretPhone,
      headline: 'Kernel dev',
      summary: 'Wrote git',
    },
  });
  submissionId = (
    await api('POST', `/crm/jobs/${jobId}/submissions`, {
      token: agency.token,
      body: { candidateId: cand.json.id },
    })
  ).json.id;
  await api('PATCH', `/crm/jobs/${jobId}/submissions/${submissionId}`, {
    token: agency.token,
    body: { stage: 'shortlisted', remark: 'INTERNAL: asks for too much money' },
  });
  await api('PATCH', `/crm/jobs/${jobId}/submissions/${submissionId}`, {
    token: agency.token,
    body: { remark: 'Available from March', remarkVisibility: 'client' },
  });
});

describe('B10 B11 jobs and the candidate pipeline in the portal', () => {
  it('B10 B11 lists the shared job, open ones first, and shows its details', async () => {
    const closed = await api('POST', '/crm/jobs', {
      token: agency.token,
      body: {
        title: 'Old role',
        description: 'x',
        organizationId: agency.orgId,
        primaryContactId: client.contactId,
      },
    });
    await api('PUT', `/crm/jobs/${closed.json.id}/portal-share`, { token: agency.token });
    await api('PATCH', `/crm/jobs/${closed.json.id}`, { token: agency.token, body: { status: 'closed' } });
    const unshared = await api('POST', '/crm/jobs', {
      token: agency.token,
      body: { title: 'Hidden', description: 'x', organizationId: agency.orgId },
    });
    const list = await portalApi('GET', '/portal/jobs', { cookie: client.cookie });
    expect(list.json.items.map((j: { title: string }) => j.title)).toEqual(['Kernel Engineer', 'Old role']);
    const one = await portalApi('GET', `/portal/jobs/${jobId}`, { cookie: client.cookie });
    expect(one.json).toMatchObject({
      id: jobId,
      title: 'Kernel Engineer',
      status: 'open',
      clientAllowedStages: ['shortlisted', 'interview', 'rejected'],
    });
    expect(one.json).toMatchObject({
      organizationId: agency.orgId,
      sharedToPortal: true,
      primaryContactId: client.contactId,
    });
    expect(
      (await portalApi('GET', `/portal/jobs/${unshared.json.id}`, { cookie: client.cookie })).status,
    ).toBe(404);
  });

  it('B11 the pipeline shows client-safe fields only: never e-mail, phone or internal remarks', async () => {
    const res = await portalApi('GET', `/portal/jobs/${jobId}/candidates`, { cookie: client.cookie });
    expect(res.status).toBe(200);
    expect(res.json.items).toEqual([
      {
        id: submissionId,
        candidate: { name: 'Linus T', headline: 'Kernel dev', summary: 'Wrote git' },
        stage: 'shortlisted',
        submittedAt: expect.any(String),
        remarks: [
          {
            text: 'Available from March',
            visibility: 'client',
            by: { type: 'recruiter', name: expect.any(String) },
            at: expect.any(String),
          },
        ],
      },
    ]);
    for (const secret of [secretEmail, secretPhone, 'INTERNAL', 'too much money'])
      expect(res.text).not.toContain(secret);
  });

  it('B12 a client moves a candidate into an allowed stage with a remark; history is kept and shown to the recruiter', async () => {
    const moved = await portalApi('POST', `/portal/jobs/${jobId}/candidates/${submissionId}/moves`, {
      cookie: client.cookie,
      body: { stage: 'interview', remark: 'Let us meet her' },
    });
    expect(moved.status).toBe(201);
    expect(moved.json.stage).toBe('interview');
    expect(moved.json.remarks.at(-1)).toMatchObject({
      text: 'Let us meet her',
      stageFrom: 'shortlisted',
      stageTo: 'interview',
      visibility: 'client',
      by: { type: 'client', name: 'Cleo Client' },
    });
    const remark = await portalApi('POST', `/portal/jobs/${jobId}/candidates/${submissionId}/remarks`, {
      cookie: client.cookie,
      body: { remark: 'Tuesday works' },
    });
    expect(remark.status).toBe(201);
    const recruiterView = await api('GET', `/crm/jobs/${jobId}/submissions`, { token: agency.token });
    const texts = recruiterView.json.items[0].remarks.map((r: { text: string }) => r.text);
    expect(texts).toEqual([
      'INTERNAL: asks for too much money',
      'Available from March',
      'Let us meet her',
      'Tuesday works',
    ]);
  });

  it('B12 a move into a stage the recruiter did not allow is 422 stage_not_allowed and changes nothing', async () => {
    const before = await portalApi('GET', `/portal/jobs/${jobId}/candidates`, { cookie: client.cookie });
    const res = await portalApi('POST', `/portal/jobs/${jobId}/candidates/${submissionId}/moves`, {
      cookie: client.cookie,
      body: { stage: 'hired' },
    });
    expect(res.status).toBe(422);
    expect(res.json.error).toMatchObject({
      code: 'stage_not_allowed',
      details: { allowedStages: ['shortlisted', 'interview', 'rejected'] },
    });
    expect(
      (await portalApi('GET', `/portal/jobs/${jobId}/candidates`, { cookie: client.cookie })).json,
    ).toEqual(before.json);
  });

  /** A fresh candidate in the shared job, moved by the recruiter to `stage`. */
  async function freshSubmission(stage: string): Promise<string> {
    const cand = await api('POST', '/crm/candidates', {
      token: agency.token,
      body: { firstName: 'Grace', lastName: 'H' },
    });
    const sub = (
      await api('POST', `/crm/jobs/${jobId}/submissions`, {
        token: agency.token,
        body: { candidateId: cand.json.id },
      })
    ).json.id;
    await api('PATCH', `/crm/jobs/${jobId}/submissions/${sub}`, { token: agency.token, body: { stage } });
    return sub;
  }
  const pipelineOf = async (sub: string) =>
    (await portalApi('GET', `/portal/jobs/${jobId}/candidates`, { cookie: client.cookie })).json.items.find(
      (s: { id: string }) => s.id === sub,
    );

  it('B12 a move into the stage the candidate is already in is 422 same_stage and changes nothing', async () => {
    const sub = await freshSubmission('shortlisted');
    const before = await api('GET', `/crm/jobs/${jobId}/submissions`, { token: agency.token });
    const res = await portalApi('POST', `/portal/jobs/${jobId}/candidates/${sub}/moves`, {
      cookie: client.cookie,
      body: { stage: 'shortlisted' },
    });
    expect(res.status).toBe(422);
    expect(res.json.error).toEqual({
      code: 'same_stage',
      message:
        'The candidate is already in the shortlisted stage. Choose another stage, or leave a remark instead.',
      details: { stage: 'shortlisted' },
    });
    expect((await api('GET', `/crm/jobs/${jobId}/submissions`, { token: agency.token })).json).toEqual(
      before.json,
    );
  });

  it('B12 a move into the current stage with a remark is recorded as that remark', async () => {
    const sub = await freshSubmission('shortlisted');
    const res = await portalApi('POST', `/portal/jobs/${jobId}/candidates/${sub}/moves`, {
      cookie: client.cookie,
      body: { stage: 'shortlisted', remark: 'Still keen on her' },
    });
    expect(res.status).toBe(201);
    expect(res.json.stage).toBe('shortlisted');
    const remark = {
      text: 'Still keen on her',
      visibility: 'client',
      by: { type: 'client', name: 'Cleo Client' },
      at: expect.any(String),
    };
    expect(res.json.remarks).toEqual([remark]);
    expect((await pipelineOf(sub)).remarks).toEqual([remark]);
  });

  it('B12 a move without a remark stores and shows no remark text', async () => {
    const sub = await freshSubmission('shortlisted');
    const res = await portalApi('POST', `/portal/jobs/${jobId}/candidates/${sub}/moves`, {
      cookie: client.cookie,
      body: { stage: 'interview' },
    });
    expect(res.status).toBe(201);
    const move = {
      stageFrom: 'shortlisted',
      stageTo: 'interview',
      visibility: 'client',
      by: { type: 'client', name: 'Cleo Client' },
      at: expect.any(String),
    };
    expect(res.json.remarks).toEqual([move]);
    expect((await pipelineOf(sub)).remarks).toEqual([move]);
    const recruiter = await api('GET', `/crm/jobs/${jobId}/submissions`, { token: agency.token });
    const entries = recruiter.json.items.find((s: { id: string }) => s.id === sub).remarks;
    expect(entries.at(-1)).toEqual(move);
  });

  it('B10 unsharing or deleting a job removes it from the portal at once (B18)', async () => {
    const job = await api('POST', '/crm/jobs', {
      token: agency.token,
      body: {
        title: 'Temp',
        description: 'x',
        organizationId: agency.orgId,
        primaryContactId: client.contactId,
      },
    });
    await api('PUT', `/crm/jobs/${job.json.id}/portal-share`, { token: agency.token });
    expect((await portalApi('GET', `/portal/jobs/${job.json.id}`, { cookie: client.cookie })).status).toBe(
      200,
    );
    await api('DELETE', `/crm/jobs/${job.json.id}/portal-share`, { token: agency.token });
    expect(
      (await portalApi('GET', `/portal/jobs/${job.json.id}/candidates`, { cookie: client.cookie })).status,
    ).toBe(404);
    await api('PUT', `/crm/jobs/${job.json.id}/portal-share`, { token: agency.token });
    await api('DELETE', `/crm/jobs/${job.json.id}`, { token: agency.token });
    expect((await portalApi('GET', `/portal/jobs/${job.json.id}`, { cookie: client.cookie })).status).toBe(
      404,
    );
  });

  it('B8 another contact of the same organization sees the same jobs; a contact of another organization does not', async () => {
    const colleague = await signedInClient(agency);
    const mine = await portalApi('GET', '/portal/jobs', { cookie: colleague.cookie });
    expect(mine.json.items.map((j: { id: string }) => j.id)).toContain(jobId);
    const otherOrg = (
      await api('POST', '/crm/organizations', { token: agency.token, body: { name: 'Globex' } })
    ).json.id;
    const outsider = await signedInClient(agency, { orgId: otherOrg });
    expect((await portalApi('GET', '/portal/jobs', { cookie: outsider.cookie })).json.items).toEqual([]);
    for (const path of [`/portal/jobs/${jobId}`, `/portal/jobs/${jobId}/candidates`])
      expect((await portalApi('GET', path, { cookie: outsider.cookie })).status).toBe(404);
    const move = await portalApi('POST', `/portal/jobs/${jobId}/candidates/${submissionId}/moves`, {
      cookie: outsider.cookie,
      body: { stage: 'rejected' },
    });
    expect(move.status).toBe(404);
  });

  it('B12 a history longer than any one item could hold never blocks a move (each entry is its own item)', async () => {
    const cand = await api('POST', '/crm/candidates', {
      token: agency.token,
      body: { firstName: 'Long', lastName: 'History' },
    });
    const sub = (
      await api('POST', `/crm/jobs/${jobId}/submissions`, {
        token: agency.token,
        body: { candidateId: cand.json.id },
      })
    ).json.id;
    const long = 'é'.repeat(10_000); // 20 KB as UTF-8: 45 of them are past DynamoDB's 400 KB item size
    for (let i = 0; i < 45; i++) {
      const res = await portalApi('POST', `/portal/jobs/${jobId}/candidates/${sub}/remarks`, {
        cookie: client.cookie,
        body: { remark: long },
      });
      expect(res.status).toBe(201);
    }
    const moved = await api('PATCH', `/crm/jobs/${jobId}/submissions/${sub}`, {
      token: agency.token,
      body: { stage: 'offer' },
    });
    expect(moved.status).toBe(200);
    expect(moved.json.remarks).toHaveLength(46);
    expect(moved.json.remarks.at(-1)).toMatchObject({ stageFrom: 'submitted', stageTo: 'offer' });
  }, 60_000);
});
