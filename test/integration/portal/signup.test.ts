import { describe, expect, it } from 'vitest';
import { api, linkIn, mailsTo, snapshotAccount, waitForMail } from '../../support/api.ts';
import { invitedContact, newAgency, portalApi, sessionCookieFrom } from '../../support/portal.ts';

const signupBody = (token: string) => ({ token, firstName: 'Cleo', lastName: 'Client', jobTitle: 'CTO' });

describe('B5 sign-up', () => {
  it('B5 GET /portal/invitations/{token} tells who is invited and consumes nothing', async () => {
    const agency = await newAgency('Northwind Talent');
    const invited = await invitedContact(agency);
    const before = await snapshotAccount(agency.accountId);
    for (let i = 0; i < 3; i++) {
      const res = await api('GET', `/portal/invitations/${invited.signupToken}`);
      expect(res.status).toBe(200);
      expect(res.json).toEqual({
        email: invited.email,
        firstName: 'Cleo',
        lastName: 'Client',
        organization: { name: 'Acme Corp' },
        agency: { name: 'Northwind Talent' },
        expiresAt: expect.any(String),
      });
    }
    expect(await snapshotAccount(agency.accountId)).toEqual(before);
    expect(
      (await portalApi('POST', '/portal/signup', { body: signupBody(invited.signupToken) })).status,
    ).toBe(201);
  });

  it('B5 B6 signing up creates the portal user, a session cookie, redirects to /app and e-mails the login page', async () => {
    const agency = await newAgency('Northwind Talent');
    const invited = await invitedContact(agency);
    const res = await portalApi('POST', '/portal/signup', { body: signupBody(invited.signupToken) });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({
      user: { id: expect.any(String), firstName: 'Cleo', lastName: 'Client', email: invited.email },
      redirectTo: '/app',
    });
    const cookie = res.cookies.find((c) => c.startsWith('portal_session='));
    expect(cookie).toMatch(
      /^portal_session=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Lax; Path=\/; Max-Age=\d+$/,
    );
    const me = await portalApi('GET', '/portal/me', { cookie: sessionCookieFrom(res) });
    expect(me.json).toEqual({
      user: { id: res.json.user.id, firstName: 'Cleo', lastName: 'Client', email: invited.email },
      organization: { id: agency.orgId, name: 'Acme Corp' },
      agency: { name: 'Northwind Talent' },
    });
    const login = await waitForMail(
      (m) => m.destination.to.includes(invited.email) && m.subject.includes('login link'),
    );
    expect(linkIn(login, '/login')?.pathname).toBe('/login');
    const contact = await api('GET', `/crm/contacts/${invited.contactId}`, { token: agency.token });
    expect(contact.json.portal).toMatchObject({
      status: 'active',
      eligible: false,
      reasons: ['already_active'],
    });
    const audit = await api('GET', `/crm/contacts/${invited.contactId}/audit`, { token: agency.token });
    expect(audit.json.items.map((e: { type: string }) => e.type)).toEqual(['invited', 'joined']);
    expect(audit.json.items[1].actor).toEqual({ type: 'client', email: invited.email });
  });

  it('B5 an invitation works once: two concurrent sign-ups, exactly one succeeds', async () => {
    const agency = await newAgency();
    const invited = await invitedContact(agency);
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        portalApi('POST', '/portal/signup', { body: signupBody(invited.signupToken) }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 404, 404, 404, 404]);
    expect((await api('GET', `/portal/invitations/${invited.signupToken}`)).status).toBe(404);
    const loginMails = (await mailsTo(invited.email)).filter((m) => m.subject.includes('login link'));
    expect(loginMails).toHaveLength(1);
  });

  it('B4 a re-invitation kills the old link; a revoked invitation cannot be used', async () => {
    const agency = await newAgency();
    const first = await invitedContact(agency);
    await api('POST', `/crm/contacts/${first.contactId}/portal-invitation`, { token: agency.token });
    const old = await portalApi('POST', '/portal/signup', { body: signupBody(first.signupToken) });
    expect(old).toMatchObject({ status: 404, json: { error: { code: 'invitation_not_found' } } });

    const second = await invitedContact(agency);
    await api('DELETE', `/crm/contacts/${second.contactId}/portal-invitation`, { token: agency.token });
    expect((await api('GET', `/portal/invitations/${second.signupToken}`)).status).toBe(404);
  });

  it('B17 B20 an invitation stops working when the contact moves or changes e-mail, even if changed back', async () => {
    const agency = await newAgency();
    const other = await api('POST', '/crm/organizations', { token: agency.token, body: { name: 'Other' } });
    const invited = await invitedContact(agency);
    await api('PATCH', `/crm/contacts/${invited.contactId}`, {
      token: agency.token,
      body: { organizationId: other.json.id },
    });
    await api('PATCH', `/crm/contacts/${invited.contactId}`, {
      token: agency.token,
      body: { organizationId: agency.orgId },
    });
    const res = await portalApi('POST', '/portal/signup', { body: signupBody(invited.signupToken) });
    expect(res.status).toBe(404);
  });

  it('B1 with the add-on off the invitation cannot be used', async () => {
    const agency = await newAgency();
    const invited = await invitedContact(agency);
    await api('PATCH', '/crm/account', { token: agency.token, body: { portalEnabled: false } });
    const res = await portalApi('POST', '/portal/signup', { body: signupBody(invited.signupToken) });
    expect(res).toMatchObject({ status: 403, json: { error: { code: 'portal_disabled' } } });
  });

  it('SPEC §3 sign-up without X-Requested-With is 403 csrf and consumes nothing', async () => {
    const agency = await newAgency();
    const invited = await invitedContact(agency);
    const res = await portalApi('POST', '/portal/signup', {
      body: signupBody(invited.signupToken),
      csrf: false,
    });
    expect(res).toMatchObject({ status: 403, json: { error: { code: 'csrf' } } });
    expect((await api('GET', `/portal/invitations/${invited.signupToken}`)).status).toBe(200);
  });

  it('unknown or malformed tokens: 404 and 400', async () => {
    expect((await api('GET', `/portal/invitations/${'a'.repeat(43)}`)).status).toBe(404);
    expect((await api('GET', '/portal/invitations/short')).status).toBe(400);
  });
});
