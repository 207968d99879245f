import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../../shared/data/keys.ts';
import { api, mailsTo, tableName, testDb, waitForMail, type StoredMail } from '../../support/api.ts';
import { requestLogin } from '../../support/login.ts';
import {
  invitedContact,
  newAgency,
  portalApi,
  signedInClient,
  type Agency,
  type SignedIn,
} from '../../support/portal.ts';

const invitationTo = async (email: string): Promise<StoredMail> => {
  const mail = (await mailsTo(email)).find((m) => m.body.text.includes('/signup?token='));
  if (!mail) throw new Error(`no invitation to ${email}`);
  return mail;
};

/** Sets the portal name, invites a contact, answers the invitation's From header. */
async function invitationFrom(portalName: string): Promise<string> {
  const agency = await newAgency('Placeholder');
  const patched = await api('PATCH', '/crm/account', { token: agency.token, body: { portalName } });
  expect(patched.status).toBe(200);
  const invited = await invitedContact(agency);
  return (await invitationTo(invited.email)).from;
}

/** The display name of `=?UTF-8?B?…?= =?UTF-8?B?…?= <address>` (space between encoded words is not text). */
const decodedName = (header: string) =>
  [...header.matchAll(/=\?UTF-8\?B\?([A-Za-z0-9+/=]+)\?=/g)]
    .map((m) => Buffer.from(m[1] ?? '', 'base64').toString('utf8'))
    .join('');

describe("B4 e-mails come from the agency's portal name", () => {
  it('B4 the invitation comes from "<portal name>" <the configured sender>', async () => {
    const from = await invitationFrom('Acme Recruiting');
    expect(from).toMatch(/^"Acme Recruiting" <[^<>\s]+@[^<>\s]+>$/);
  });

  it('B4 quotes and backslashes in the portal name are escaped inside the quoted display name', async () => {
    const from = await invitationFrom('Acme "Best" Recruiting \\ Co');
    expect(from).toMatch(/^"Acme \\"Best\\" Recruiting \\\\ Co" <[^<>\s]+>$/);
  });

  it('B4 a portal name beyond ASCII is sent as RFC 2047 encoded words that read back as the name', async () => {
    const from = await invitationFrom('Zürich Talent — Ärzte & Pflege GmbH für Gesundheitsberufe');
    expect(from).toMatch(/^(=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?= ?)+ <[^<>\s]+>$/);
    for (const word of from.match(/=\?UTF-8\?B\?[^?]+\?=/g) ?? [])
      expect(word.length).toBeLessThanOrEqual(75);
    expect(decodedName(from)).toBe('Zürich Talent — Ärzte & Pflege GmbH für Gesundheitsberufe');
  });

  it('B4 a portal name with line breaks is refused (400, portalName named): it would reach every From line', async () => {
    const agency = await newAgency('Placeholder');
    const res = await api('PATCH', '/crm/account', {
      token: agency.token,
      body: { portalName: 'Acme\r\nBcc: victim@example.com' },
    });
    expect(res).toMatchObject({
      status: 400,
      json: { error: { details: { portalName: expect.any(String) } } },
    });
  });

  it('B4 a portal name stored with CR, LF and NUL before the input rules cannot add a header to the e-mail', async () => {
    const agency = await newAgency('Placeholder');
    // Old data: written as the table held it before the schemas refused control characters.
    await testDb().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.account(agency.accountId),
        UpdateExpression: 'SET portalName = :name',
        ExpressionAttributeValues: { ':name': 'Acme\r\nBcc: victim@example.com\u0000' },
      }),
    );
    const invited = await invitedContact(agency);
    const mail = await invitationTo(invited.email);
    expect(mail.from).not.toMatch(/[\r\n]/);
    expect(mail.from).not.toContain('\u0000');
    expect(mail.from).toMatch(/^"Acme Bcc: victim@example.com" <[^<>\s]+>$/);
    expect(mail.subject).toBe('Acme Bcc: victim@example.com invited you to their Client Portal');
  });
});

describe('B6 B7 B14 B23 every e-mail of one agency comes from its portal name, as the invitation does', () => {
  let agency: Agency;
  let client: SignedIn;
  /** `"Acme Recruiting" <address>`: the invitation's address, with the portal name. */
  let expected: string;
  let notify: string;
  const to = (address: string, subject: string) => (m: StoredMail) =>
    m.destination.to.includes(address) && m.subject.includes(subject);
  const requisition = (title: string) =>
    portalApi('POST', '/portal/requisitions', {
      cookie: client.cookie,
      body: { title, description: 'We need one.', employmentType: 'contract', openings: 1 },
    });

  beforeAll(async () => {
    agency = await newAgency('Acme Recruiting');
    client = await signedInClient(agency);
    const address = /<([^<>\s]+@[^<>\s]+)>$/.exec((await invitationTo(client.email)).from)?.[1];
    if (!address) throw new Error('no address in the invitation’s From');
    expected = `"Acme Recruiting" <${address}>`;
    notify = `notify@${agency.accountId}.test`;
  });

  it('B6 the welcome e-mail after sign-up', async () => {
    // The only e-mail to the address besides its invitation, until it asks to log in.
    const welcome = await waitForMail(
      (m) => m.destination.to.includes(client.email) && !m.body.text.includes('/signup?token='),
    );
    expect(welcome.from).toBe(expected);
  });

  it('B7 the login e-mail to a client of this agency only', async () => {
    const { mail } = await requestLogin(client.email);
    expect(mail.from).toBe(expected);
  });

  it('B23 the requisition-submitted e-mail to the notification address', async () => {
    expect((await requisition('Data Scientist')).status).toBe(201);
    expect((await waitForMail(to(notify, 'New job requisition: Data Scientist'))).from).toBe(expected);
  });

  it("B23 the client-action e-mail to the notification address, after a client's move", async () => {
    const job = await api('POST', '/crm/jobs', {
      token: agency.token,
      body: {
        title: 'Engineer',
        description: 'Builds things.',
        organizationId: agency.orgId,
        primaryContactId: client.contactId,
      },
    });
    expect((await api('PUT', `/crm/jobs/${job.json.id}/portal-share`, { token: agency.token })).status).toBe(
      200,
    );
    const candidate = await api('POST', '/crm/candidates', {
      token: agency.token,
      body: { firstName: 'Linus', lastName: 'Tester' },
    });
    const submission = await api('POST', `/crm/jobs/${job.json.id}/submissions`, {
      token: agency.token,
      body: { candidateId: candidate.json.id },
    });
    const moved = await portalApi(
      'POST',
      `/portal/jobs/${job.json.id}/candidates/${submission.json.id}/moves`,
      { cookie: client.cookie, body: { stage: 'interview', remark: 'Strong profile' } },
    );
    expect(moved.status).toBe(201);
    expect((await waitForMail(to(notify, 'Client moved Linus Tester'))).from).toBe(expected);
  });

  it('B14 the requisition-reviewed e-mails to the client, approved and rejected', async () => {
    const approve = await requisition('Platform Engineer');
    const reject = await requisition('Office Manager');
    expect([approve.status, reject.status]).toEqual([201, 201]);
    await api('POST', `/crm/requisitions/${approve.json.id}/approve`, { token: agency.token });
    await api('POST', `/crm/requisitions/${reject.json.id}/reject`, {
      token: agency.token,
      body: { remarks: 'Budget frozen until Q3' },
    });
    expect((await waitForMail(to(client.email, '"Platform Engineer" was approved'))).from).toBe(expected);
    expect((await waitForMail(to(client.email, '"Office Manager" was not approved'))).from).toBe(expected);
  });
});
