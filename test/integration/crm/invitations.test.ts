import { beforeEach, describe, expect, it } from 'vitest';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../../shared/data/keys.ts';
import {
  api,
  enablePortal,
  mails,
  newAccountId,
  recruiterToken,
  snapshotAccount,
  tableName,
  testDb,
  waitForMail,
} from '../../support/api.ts';

interface Ctx {
  token: string;
  orgId: string;
  contactId: string;
  email: string;
}

async function accountIdOf(token: string): Promise<string> {
  return (await api('GET', '/crm/account', { token })).json.id;
}

async function setUp(options: { enable?: boolean } = {}): Promise<Ctx> {
  const accountId = newAccountId();
  const token = await recruiterToken({ accountId, role: 'admin' });
  if (options.enable !== false) await enablePortal(token);
  await api('PATCH', '/crm/account', { token, body: { portalName: 'Northwind <Talent>' } });
  const org = await api('POST', '/crm/organizations', { token, body: { name: 'Acme & Co' } });
  const email = `ada.${accountId}@client.test`;
  const contact = await api('POST', '/crm/contacts', {
    token,
    body: { firstName: 'Ada', lastName: 'Lovelace', email, organizationId: org.json.id },
  });
  expect(contact.status).toBe(201);
  return { token, orgId: org.json.id, contactId: contact.json.id, email };
}

const signupLinks = (html: string) =>
  [...html.matchAll(/href="([^"]*\/signup\?token=[^"]+)"/g)].map((m) => m[1]);

describe('inviting a contact', () => {
  let ctx: Ctx;
  beforeEach(async () => {
    ctx = await setUp();
  });

  it('B4 inviting an eligible contact answers 201 and e-mails a Join Client Portal link', async () => {
    const res = await api('POST', `/crm/contacts/${ctx.contactId}/portal-invitation`, { token: ctx.token });
    expect(res.status).toBe(201);
    expect(Object.keys(res.json).sort()).toEqual(['contactId', 'expiresAt', 'status']);
    expect(res.json).toMatchObject({ contactId: ctx.contactId, status: 'invited' });
    const days = (Date.parse(res.json.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    const mail = await waitForMail((m) => m.destination.to.includes(ctx.email));
    expect(mail.body.html).toContain('Join Client Portal');
    expect(mail.body.html).toContain('Hi Ada');
    expect(mail.body.html).toContain('Northwind &lt;Talent&gt;');
    expect(mail.body.html).toContain('Acme &amp; Co');
    const [link] = signupLinks(mail.body.html);
    expect(link).toMatch(/^http:\/\/localhost:\d+\/signup\?token=[A-Za-z0-9_-]{43}$/);
    expect(mail.body.text).toContain(link);

    const contact = await api('GET', `/crm/contacts/${ctx.contactId}`, { token: ctx.token });
    expect(contact.json.portal).toMatchObject({
      status: 'invited',
      invitationExpiresAt: res.json.expiresAt,
      eligible: true,
      reasons: [],
    });
  });

  it('B4 re-inviting replaces the pending invitation with a new link and a new e-mail', async () => {
    await api('POST', `/crm/contacts/${ctx.contactId}/portal-invitation`, { token: ctx.token });
    const again = await api('POST', `/crm/contacts/${ctx.contactId}/portal-invitation`, { token: ctx.token });
    expect(again.status).toBe(201);
    const sent = await waitForMail((m) => m.destination.to.includes(ctx.email), { count: 2 });
    expect(sent).toBeDefined();
    const links = (await mails())
      .filter((m) => m.destination.to.includes(ctx.email))
      .flatMap((m) => signupLinks(m.body.html));
    expect(new Set(links).size).toBe(2);
    const audit = await api('GET', `/crm/contacts/${ctx.contactId}/audit`, { token: ctx.token });
    expect(audit.json.items.map((e: { type: string }) => e.type)).toEqual(['invited', 'reinvited']);
  });

  it('B4 a recruiter can revoke a pending invitation; revoking again is refused', async () => {
    await api('POST', `/crm/contacts/${ctx.contactId}/portal-invitation`, { token: ctx.token });
    const revoked = await api('DELETE', `/crm/contacts/${ctx.contactId}/portal-invitation`, {
      token: ctx.token,
    });
    expect(revoked.status).toBe(204);
    expect(revoked.text).toBe('');
    const contact = await api('GET', `/crm/contacts/${ctx.contactId}`, { token: ctx.token });
    expect(contact.json.portal.status).toBe('none');
    const again = await api('DELETE', `/crm/contacts/${ctx.contactId}/portal-invitation`, {
      token: ctx.token,
    });
    expect(again.status).toBe(422);
    expect(again.json.error.code).toBe('no_pending_invitation');
    const audit = await api('GET', `/crm/contacts/${ctx.contactId}/audit`, { token: ctx.token });
    expect(audit.json.items).toMatchObject([
      { type: 'invited', actor: { type: 'recruiter' } },
      { type: 'invitation_revoked', actor: { type: 'recruiter' } },
    ]);
  });

  it('B4 an invitation past its expiry shows as expired and can be re-sent', async () => {
    await api('POST', `/crm/contacts/${ctx.contactId}/portal-invitation`, { token: ctx.token });
    const accountId = await accountIdOf(ctx.token);
    // Seven days cannot pass in a test: move the stored expiry into the past instead.
    await testDb().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.contact(accountId, ctx.contactId),
        UpdateExpression: 'SET invitation.expiresAt = :past',
        ExpressionAttributeValues: { ':past': new Date(Date.now() - 1000).toISOString() },
      }),
    );
    const expired = await api('GET', `/crm/contacts/${ctx.contactId}`, { token: ctx.token });
    expect(expired.json.portal).toMatchObject({ status: 'expired', eligible: true });
    const resent = await api('POST', `/crm/contacts/${ctx.contactId}/portal-invitation`, {
      token: ctx.token,
    });
    expect(resent.status).toBe(201);
    expect(
      (await api('GET', `/crm/contacts/${ctx.contactId}`, { token: ctx.token })).json.portal.status,
    ).toBe('invited');
  });

  it('B4 only the token hash is stored, never the token itself', async () => {
    await api('POST', `/crm/contacts/${ctx.contactId}/portal-invitation`, { token: ctx.token });
    const mail = await waitForMail((m) => m.destination.to.includes(ctx.email));
    const token = new URL(signupLinks(mail.body.html)[0] ?? '').searchParams.get('token') ?? '';
    expect(token).toHaveLength(43);
    const stored = JSON.stringify(await snapshotAccount(await accountIdOf(ctx.token)));
    expect(stored).not.toContain(token);
    expect(stored).toContain('tokenHash');
  });

  it('B4 revoking for an unknown contact is 404', async () => {
    const res = await api('DELETE', '/crm/contacts/01JUNKNOWNCONTACT000000000/portal-invitation', {
      token: ctx.token,
    });
    expect(res.status).toBe(404);
  });

  it('B17 changing the email cancels the pending invitation', async () => {
    await api('POST', `/crm/contacts/${ctx.contactId}/portal-invitation`, { token: ctx.token });
    const patched = await api('PATCH', `/crm/contacts/${ctx.contactId}`, {
      token: ctx.token,
      body: { email: `new.${ctx.email}` },
    });
    expect(patched.status).toBe(200);
    expect(patched.json.portal).toMatchObject({ status: 'none', eligible: true });
  });
});

describe('who may be invited', () => {
  it('B1 with the add-on off, invite answers 403 portal_disabled before any other rule', async () => {
    const accountId = newAccountId();
    const token = await recruiterToken({ accountId, role: 'admin' });
    const contact = await api('POST', '/crm/contacts', { token, body: { firstName: 'No', lastName: 'Org' } });
    const res = await api('POST', `/crm/contacts/${contact.json.id}/portal-invitation`, { token });
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('portal_disabled');
    const unknown = await api('POST', '/crm/contacts/01JUNKNOWNCONTACT000000000/portal-invitation', {
      token,
    });
    expect(unknown.status).toBe(403);
    expect(contact.json.portal.reasons).toContain('portal_disabled');
  });

  it('B3 B9 an ineligible contact answers 422 not_eligible with reasons; nothing written, no e-mail', async () => {
    const accountId = newAccountId();
    const token = await recruiterToken({ accountId, role: 'admin' });
    await enablePortal(token);
    const email = `bad.${accountId}@`;
    const contact = await api('POST', '/crm/contacts', {
      token,
      body: { firstName: 'Bad', lastName: 'Mail', email },
    });
    expect(contact.json.portal).toMatchObject({
      eligible: false,
      reasons: ['invalid_email', 'no_organization'],
    });
    const before = (await mails()).length;
    const res = await api('POST', `/crm/contacts/${contact.json.id}/portal-invitation`, { token });
    expect(res.status).toBe(422);
    expect(res.json.error).toMatchObject({
      code: 'not_eligible',
      details: { reasons: ['invalid_email', 'no_organization'] },
    });
    const after = await api('GET', `/crm/contacts/${contact.json.id}`, { token });
    expect(after.json.portal.status).toBe('none');
    expect(after.json.updatedAt).toBe(contact.json.updatedAt);
    const audit = await api('GET', `/crm/contacts/${contact.json.id}/audit`, { token });
    expect(audit.json.items).toEqual([]);
    expect((await mails()).length).toBe(before);
  });

  it('B2 a contact without an email is missing_email', async () => {
    const ctx = await setUp();
    const patched = await api('PATCH', `/crm/contacts/${ctx.contactId}`, {
      token: ctx.token,
      body: { email: null },
    });
    expect(patched.json.portal.reasons).toEqual(['missing_email']);
  });

  it('B15 a contact whose organization was deleted cannot be invited', async () => {
    const ctx = await setUp();
    expect((await api('DELETE', `/crm/organizations/${ctx.orgId}`, { token: ctx.token })).status).toBe(204);
    const res = await api('POST', `/crm/contacts/${ctx.contactId}/portal-invitation`, { token: ctx.token });
    expect(res.status).toBe(422);
    expect(res.json.error.details.reasons).toEqual(['no_organization']);
  });

  it('B8 several contacts of one organization can each be invited', async () => {
    const ctx = await setUp();
    const second = await api('POST', '/crm/contacts', {
      token: ctx.token,
      body: {
        firstName: 'Grace',
        lastName: 'Hopper',
        email: `grace.${ctx.email}`,
        organizationId: ctx.orgId,
      },
    });
    for (const id of [ctx.contactId, second.json.id]) {
      expect((await api('POST', `/crm/contacts/${id}/portal-invitation`, { token: ctx.token })).status).toBe(
        201,
      );
    }
    const list = await api('GET', `/crm/organizations/${ctx.orgId}/contacts`, { token: ctx.token });
    expect(list.json.items.map((c: { portal: { status: string } }) => c.portal.status)).toEqual([
      'invited',
      'invited',
    ]);
  });
});

describe('B21 audit trail', () => {
  it('B21 stays readable after the contact is deleted; 404 only for ids never seen', async () => {
    const ctx = await setUp();
    await api('POST', `/crm/contacts/${ctx.contactId}/portal-invitation`, { token: ctx.token });
    expect((await api('DELETE', `/crm/contacts/${ctx.contactId}`, { token: ctx.token })).status).toBe(204);
    expect((await api('GET', `/crm/contacts/${ctx.contactId}`, { token: ctx.token })).status).toBe(404);
    const audit = await api('GET', `/crm/contacts/${ctx.contactId}/audit`, { token: ctx.token });
    expect(audit.status).toBe(200);
    expect(audit.json.items[0]).toMatchObject({ type: 'invited', actor: { type: 'recruiter' } });
    const never = await api('GET', '/crm/contacts/01JNEVEREXISTED00000000000/audit', { token: ctx.token });
    expect(never.status).toBe(404);
  });

  it('B21 the trail pages by ?limit= and a page never holds more than the limit', async () => {
    const ctx = await setUp();
    for (let i = 0; i < 2; i++)
      await api('POST', `/crm/contacts/${ctx.contactId}/portal-invitation`, { token: ctx.token });
    await api('DELETE', `/crm/contacts/${ctx.contactId}/portal-invitation`, { token: ctx.token });
    await api('DELETE', `/crm/contacts/${ctx.contactId}`, { token: ctx.token });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = await api('GET', `/crm/contacts/${ctx.contactId}/audit?limit=1${query}`, {
        token: ctx.token,
      });
      expect(page.json.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.json.items.map((e: { type: string }) => e.type));
      cursor = page.json.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['invited', 'reinvited', 'invitation_revoked']);
  });

  it('B21 a deleted contact that never had portal activity still answers 200 with no entries', async () => {
    const ctx = await setUp();
    await api('DELETE', `/crm/contacts/${ctx.contactId}`, { token: ctx.token });
    const audit = await api('GET', `/crm/contacts/${ctx.contactId}/audit`, { token: ctx.token });
    expect(audit.status).toBe(200);
    expect(audit.json).toEqual({ items: [], nextCursor: null });
  });
});
