import { beforeEach, describe, expect, it } from 'vitest';
import { api, newAccountId, recruiterToken } from '../../support/api.ts';

let token: string;
let jobId: string;

beforeEach(async () => {
  token = await recruiterToken({ accountId: newAccountId(), role: 'recruiter' });
  const org = (await api('POST', '/crm/organizations', { token, body: { name: 'Acme' } })).json.id;
  jobId = (
    await api('POST', '/crm/jobs', { token, body: { title: 'T', description: 'D', organizationId: org } })
  ).json.id;
});

const newCandidate = (firstName = 'Linus') =>
  api('POST', '/crm/candidates', {
    token,
    body: {
      firstName,
      lastName: 'T',
      email: `${firstName}@mail.test`,
      phone: '+1',
      headline: 'Kernel dev',
      summary: 'Wrote git',
    },
  });

describe('candidates', () => {
  it('creates, reads, lists and deletes a candidate with the SPEC shape', async () => {
    const c = await newCandidate();
    expect(c.status).toBe(201);
    expect(c.json).toMatchObject({
      id: expect.any(String),
      firstName: 'Linus',
      lastName: 'T',
      email: 'Linus@mail.test',
      phone: '+1',
      headline: 'Kernel dev',
      summary: 'Wrote git',
    });
    expect((await api('GET', `/crm/candidates/${c.json.id}`, { token })).json).toEqual(c.json);
    expect((await api('GET', '/crm/candidates', { token })).json.items).toEqual([c.json]);
    expect((await api('DELETE', `/crm/candidates/${c.json.id}`, { token })).status).toBe(204);
    expect((await api('GET', `/crm/candidates/${c.json.id}`, { token })).status).toBe(404);
  });
});

describe('B12 submissions, stages and remarks', () => {
  it('submits a candidate once; a second submission is refused', async () => {
    const c = await newCandidate();
    const sub = await api('POST', `/crm/jobs/${jobId}/submissions`, {
      token,
      body: { candidateId: c.json.id },
    });
    expect(sub.status).toBe(201);
    expect(sub.json).toMatchObject({
      id: expect.any(String),
      jobId,
      candidateId: c.json.id,
      stage: 'submitted',
      remarks: [],
    });
    expect(sub.json.submittedAt).toEqual(expect.any(String));
    const again = await api('POST', `/crm/jobs/${jobId}/submissions`, {
      token,
      body: { candidateId: c.json.id },
    });
    expect(again).toMatchObject({ status: 422, json: { error: { code: 'already_submitted' } } });
    const unknown = await api('POST', `/crm/jobs/${jobId}/submissions`, {
      token,
      body: { candidateId: '01JNOSUCHCAND0000000000000' },
    });
    expect(unknown).toMatchObject({ status: 422, json: { error: { code: 'candidate_not_found' } } });
    const noJob = await api('POST', '/crm/jobs/01JNOSUCHJOB00000000000000/submissions', {
      token,
      body: { candidateId: c.json.id },
    });
    expect(noJob.status).toBe(404);
  });

  it('B12 every move and remark is kept; recruiter remarks are internal by default or client', async () => {
    const c = await newCandidate();
    const sub = (
      await api('POST', `/crm/jobs/${jobId}/submissions`, { token, body: { candidateId: c.json.id } })
    ).json;
    const path = `/crm/jobs/${jobId}/submissions/${sub.id}`;
    const moved = await api('PATCH', path, { token, body: { stage: 'offer', remark: 'Strong' } });
    expect(moved.status).toBe(200);
    await api('PATCH', path, { token, body: { remark: 'Client may see this', remarkVisibility: 'client' } });
    const list = await api('GET', `/crm/jobs/${jobId}/submissions`, { token });
    expect(list.json.items).toHaveLength(1);
    expect(list.json.items[0]).toMatchObject({ stage: 'offer' });
    expect(list.json.items[0].remarks).toMatchObject([
      {
        text: 'Strong',
        stageFrom: 'submitted',
        stageTo: 'offer',
        visibility: 'internal',
        by: { type: 'recruiter' },
      },
      { text: 'Client may see this', visibility: 'client', by: { type: 'recruiter' } },
    ]);
    const empty = await api('PATCH', path, { token, body: {} });
    expect(empty.status).toBe(400);
  });

  it('B12 a recruiter move without a remark stores and shows no remark text', async () => {
    const c = await newCandidate();
    const sub = (
      await api('POST', `/crm/jobs/${jobId}/submissions`, { token, body: { candidateId: c.json.id } })
    ).json;
    const moved = await api('PATCH', `/crm/jobs/${jobId}/submissions/${sub.id}`, {
      token,
      body: { stage: 'interview' },
    });
    expect(moved.status).toBe(200);
    const entry = { stageFrom: 'submitted', stageTo: 'interview', visibility: 'internal' };
    expect(moved.json.remarks).toEqual([expect.objectContaining(entry)]);
    expect(moved.json.remarks[0]).not.toHaveProperty('text');
    const stored = (await api('GET', `/crm/jobs/${jobId}/submissions`, { token })).json.items[0].remarks;
    expect(stored).toEqual([expect.objectContaining(entry)]);
    expect(stored[0]).not.toHaveProperty('text');
  });

  it('B12 a recruiter PATCH to the current stage records nothing without a remark, and only the remark with one', async () => {
    const c = await newCandidate();
    const sub = (
      await api('POST', `/crm/jobs/${jobId}/submissions`, { token, body: { candidateId: c.json.id } })
    ).json;
    const path = `/crm/jobs/${jobId}/submissions/${sub.id}`;
    const same = await api('PATCH', path, { token, body: { stage: 'submitted' } });
    expect(same).toMatchObject({ status: 200, json: { stage: 'submitted', remarks: [] } });
    expect(same.headers.get('x-local-dynamodb-commands')).not.toContain('TransactWriteItems');
    const withRemark = await api('PATCH', path, {
      token,
      body: { stage: 'submitted', remark: 'Called her' },
    });
    expect(withRemark.status).toBe(200);
    expect(withRemark.json.remarks).toEqual([
      {
        text: 'Called her',
        visibility: 'internal',
        by: { type: 'recruiter', name: expect.any(String) },
        at: expect.any(String),
      },
    ]);
  });

  it('B12 a page ends on a submission boundary: every submission comes with its whole history', async () => {
    const ids: string[] = [];
    for (const name of ['A', 'B', 'C']) {
      const c = await newCandidate(name);
      const sub = (
        await api('POST', `/crm/jobs/${jobId}/submissions`, { token, body: { candidateId: c.json.id } })
      ).json.id;
      ids.push(sub);
      for (let i = 0; i < 4; i++)
        await api('PATCH', `/crm/jobs/${jobId}/submissions/${sub}`, {
          token,
          body: { remark: `${name}${i}` },
        });
    }
    const seen: { id: string; remarks: { text: string }[] }[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = await api('GET', `/crm/jobs/${jobId}/submissions?limit=2${query}`, { token });
      expect(page.json.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.json.items);
      cursor = page.json.nextCursor;
    } while (cursor);
    expect(seen.map((s) => s.id)).toEqual(ids);
    expect(seen.map((s) => s.remarks.map((r) => r.text).join(','))).toEqual([
      'A0,A1,A2,A3',
      'B0,B1,B2,B3',
      'C0,C1,C2,C3',
    ]);
  });

  it('lists the pipeline in pages; an unknown job is 404', async () => {
    for (const name of ['A', 'B', 'C']) {
      const c = await newCandidate(name);
      await api('POST', `/crm/jobs/${jobId}/submissions`, { token, body: { candidateId: c.json.id } });
    }
    const first = await api('GET', `/crm/jobs/${jobId}/submissions?limit=2`, { token });
    expect(first.json.items).toHaveLength(2);
    const second = await api(
      'GET',
      `/crm/jobs/${jobId}/submissions?limit=2&cursor=${encodeURIComponent(first.json.nextCursor)}`,
      { token },
    );
    expect([...first.json.items, ...second.json.items].map((s) => s.candidateId)).toHaveLength(3);
    expect((await api('GET', '/crm/jobs/01JNOSUCHJOB00000000000000/submissions', { token })).status).toBe(
      404,
    );
  });
});
