import { beforeAll, describe, expect, it } from 'vitest';
import { textMessages } from '../../shared/api/schemas/text.ts';
import { api, snapshotAccount } from '../support/api.ts';
import { waitForPipelineIdle } from '../support/pipeline.ts';
import {
  invitedContact,
  newAgency,
  portalApi,
  signedInClient,
  type Agency,
  type SignedIn,
} from '../support/portal.ts';

let agency: Agency;
let client: SignedIn;
let jobId: string;
let submissionId: string;

/**
 * Everything the agency holds but sessions (a request that refuses its input touches none), once
 * the pipeline has settled what earlier writes set off.
 */
const stored = async () => {
  await waitForPipelineIdle();
  return (await snapshotAccount(agency.accountId)).filter((i) => i.type !== 'session');
};

/** A refused request: 400 validation_failed, the fields named in `details` with their sentence. */
const refused = (res: { status: number; json: unknown }, details: Record<string, string>) =>
  expect(res).toMatchObject({ status: 400, json: { error: { code: 'validation_failed', details } } });

beforeAll(async () => {
  agency = await newAgency('Hygiene Agency');
  client = await signedInClient(agency);
  const job = await api('POST', '/crm/jobs', {
    token: agency.token,
    body: {
      title: 'Welder',
      description: 'Welds.',
      organizationId: agency.orgId,
      primaryContactId: client.contactId,
    },
  });
  jobId = job.json.id;
  const candidate = await api('POST', '/crm/candidates', {
    token: agency.token,
    body: { firstName: 'Marie', lastName: 'Curie' },
  });
  const submission = await api('POST', `/crm/jobs/${jobId}/submissions`, {
    token: agency.token,
    body: { candidateId: candidate.json.id },
  });
  submissionId = submission.json.id;
  expect((await api('PUT', `/crm/jobs/${jobId}/portal-share`, { token: agency.token })).status).toBe(200);
});

describe('input hygiene: single-line fields and long texts refuse control characters (400, field named, nothing stored)', () => {
  it('the portal sign-up refuses a name with CR, LF or NUL, and the invitation still works after', async () => {
    const invited = await invitedContact(agency);
    const before = await stored();
    for (const [firstName, lastName] of [
      ['Ada\r\nBcc: victim@example.com', 'Lovelace'],
      ['Ada', 'Love\u0000lace'],
    ]) {
      const res = await portalApi('POST', '/portal/signup', {
        body: { token: invited.signupToken, firstName, lastName },
      });
      refused(
        res,
        firstName === 'Ada' ? { lastName: textMessages.singleLine } : { firstName: textMessages.singleLine },
      );
    }
    const badTitle = await portalApi('POST', '/portal/signup', {
      body: { token: invited.signupToken, firstName: 'Ada', lastName: 'Lovelace', jobTitle: 'CTO\u2028CEO' },
    });
    refused(badTitle, { jobTitle: textMessages.singleLine });
    expect(await stored()).toEqual(before);
    const fine = await portalApi('POST', '/portal/signup', {
      body: { token: invited.signupToken, firstName: 'Zoë', lastName: 'Ñúñez 🙂' },
    });
    expect(fine.status).toBe(201);
    expect(fine.json.user).toMatchObject({ firstName: 'Zoë', lastName: 'Ñúñez 🙂' });
  });

  it('a requisition refuses a multi-line title and a description with NUL or a lone surrogate', async () => {
    const before = await stored();
    const base = { employmentType: 'full_time', openings: 1 };
    refused(
      await portalApi('POST', '/portal/requisitions', {
        cookie: client.cookie,
        body: { ...base, title: 'Welder\nX-Injected: yes', description: 'Welds\u0000.' },
      }),
      { title: textMessages.singleLine, description: textMessages.longText },
    );
    refused(
      await portalApi('POST', '/portal/requisitions', {
        cookie: client.cookie,
        body: { ...base, title: 'Welder \u202e', description: 'Welds \ud800.' },
      }),
      { title: textMessages.direction, description: textMessages.brokenCharacter },
    );
    expect(await stored()).toEqual(before);
    const list = await portalApi('GET', '/portal/requisitions', { cookie: client.cookie });
    expect(list.json.items).toEqual([]);
  });

  it('a requisition description keeps line breaks and tabs, CRLF stored as LF', async () => {
    const res = await portalApi('POST', '/portal/requisitions', {
      cookie: client.cookie,
      body: {
        title: 'Crane operator',
        description: 'Duties:\r\n\t- lifting\r\n\t- rigging',
        employmentType: 'contract',
        openings: 2,
      },
    });
    expect(res.status).toBe(201);
    expect(res.json.description).toBe('Duties:\n\t- lifting\n\t- rigging');
    const withdrawn = await portalApi('POST', `/portal/requisitions/${res.json.id}/withdraw`, {
      cookie: client.cookie,
    });
    expect(withdrawn.status).toBe(200);
  });

  it("the CRM account refuses a portal name with CR/LF, which would reach every e-mail's From and subject", async () => {
    const before = await stored();
    refused(
      await api('PATCH', '/crm/account', {
        token: agency.token,
        body: { portalName: 'Acme\r\nBcc: victim@example.com' },
      }),
      { portalName: textMessages.singleLine },
    );
    refused(await api('PATCH', '/crm/account', { token: agency.token, body: { portalName: 'Acme\u0085' } }), {
      portalName: textMessages.singleLine,
    });
    expect(await stored()).toEqual(before);
    expect((await api('GET', '/crm/account', { token: agency.token })).json.portalName).toBe(
      'Hygiene Agency',
    );
  });

  it('a contact refuses control characters and lone surrogates in its name, e-mail and phone', async () => {
    const before = await stored();
    refused(
      await api('POST', '/crm/contacts', {
        token: agency.token,
        body: {
          firstName: 'Ada\u0000',
          lastName: 'Lovelace\ud83d',
          email: 'ada@x.example\r\n',
          phone: '+1\t555',
        },
      }),
      {
        firstName: textMessages.singleLine,
        lastName: textMessages.brokenCharacter,
        email: textMessages.singleLine,
        phone: textMessages.singleLine,
      },
    );
    refused(
      await api('PATCH', `/crm/contacts/${client.contactId}`, {
        token: agency.token,
        body: { lastName: 'B\u001b[2J' },
      }),
      { lastName: textMessages.singleLine },
    );
    refused(await api('POST', '/crm/organizations', { token: agency.token, body: { name: 'Org\nName' } }), {
      name: textMessages.singleLine,
    });
    expect(await stored()).toEqual(before);
  });

  it('remarks keep line breaks but refuse other control characters, on the CRM and the portal side', async () => {
    const before = await stored();
    refused(
      await api('PATCH', `/crm/jobs/${jobId}/submissions/${submissionId}`, {
        token: agency.token,
        body: { remark: 'Strong\u0007 candidate', remarkVisibility: 'client' },
      }),
      { remark: textMessages.longText },
    );
    refused(
      await portalApi('POST', `/portal/jobs/${jobId}/candidates/${submissionId}/remarks`, {
        cookie: client.cookie,
        body: { remark: 'Looks good \udc00' },
      }),
      { remark: textMessages.brokenCharacter },
    );
    expect(await stored()).toEqual(before);
    const fine = await api('PATCH', `/crm/jobs/${jobId}/submissions/${submissionId}`, {
      token: agency.token,
      body: { remark: 'Strong candidate.\r\n\tCall back on Monday.' },
    });
    expect(fine.status).toBe(200);
    expect(JSON.stringify(fine.json)).toContain('Strong candidate.\\n\\tCall back on Monday.');
  });

  it('a free-text query parameter (the cursor) refuses control characters with the parameter named', async () => {
    const res = await api('GET', '/crm/organizations?cursor=abc%0D%0Adef', { token: agency.token });
    refused(res, { cursor: textMessages.singleLine });
  });
});
