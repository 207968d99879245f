import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { keys } from '../../../shared/data/keys.ts';
import { api, mailsTo, tableName, testDb, type StoredMail } from '../../support/api.ts';
import { invitedContact, newAgency } from '../../support/portal.ts';

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
