import { describe, expect, it } from 'vitest';
import { api, type ApiResponse } from '../../support/api.ts';
import { requestLogin } from '../../support/login.ts';
import { waitFor } from '../../support/pipeline.ts';
import { type Agency, invitedContact, newAgency, signedInClient } from '../../support/portal.ts';

/**
 * "The client did not receive the e-mail", end to end on the local stack: the real invite and
 * login routes send through the local SES, which publishes SES's events for the mailbox-simulator
 * addresses on the local default bus; the record-email-status rule writes them to the contact.
 */
const simulator = (kind: string) =>
  `${kind}+${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}@simulator.amazonses.com`;

const contactOf = (agency: Agency, contactId: string) =>
  api('GET', `/crm/contacts/${contactId}`, { token: agency.token });
const auditOf = async (agency: Agency, contactId: string) =>
  (await api('GET', `/crm/contacts/${contactId}/audit`, { token: agency.token })).json.items as {
    type: string;
    email?: { type: string; status: string; reason?: string; to: string };
  }[];

/** Bounded poll until the contact's last e-mail has this type and status. */
const lastEmailBecomes = (agency: Agency, contactId: string, type: string, status: string) =>
  waitFor(
    async () => {
      const res: ApiResponse = await contactOf(agency, contactId);
      return res.json.lastEmail?.type === type && res.json.lastEmail?.status === status && res.json;
    },
    { what: `the contact's last e-mail to be ${type} ${status}` },
  );

describe('the last e-mail of a contact, from SES delivery events', () => {
  it('an invitation to bounce@simulator.amazonses.com reads bounced with a reason, and the audit keeps it', async () => {
    const agency = await newAgency();
    const email = simulator('bounce');
    const { contactId } = await invitedContact(agency, { email });

    const contact = await lastEmailBecomes(agency, contactId, 'invitation', 'bounced');
    expect(contact.lastEmail).toEqual({
      type: 'invitation',
      status: 'bounced',
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      reason: 'the address does not exist',
      code: 'Permanent/General',
      to: email,
    });
    const audit = await auditOf(agency, contactId);
    expect(audit.map((e) => e.type)).toEqual(['invited', 'email']);
    expect(audit[1]?.email).toEqual({
      type: 'invitation',
      status: 'bounced',
      reason: 'the address does not exist',
      to: email,
    });
  });

  it('an invitation to success@simulator.amazonses.com reads delivered; the history keeps only what went wrong', async () => {
    const agency = await newAgency();
    const email = simulator('success');
    const { contactId } = await invitedContact(agency, { email });
    const contact = await lastEmailBecomes(agency, contactId, 'invitation', 'delivered');
    expect(contact.lastEmail.reason).toBeUndefined();
    expect(contact.lastEmail.to).toBe(email);
    expect((await auditOf(agency, contactId)).map((e) => e.type)).toEqual(['invited']);
  });

  it('an ordinary address reads delivered too (locally nothing leaves the machine)', async () => {
    const agency = await newAgency();
    const { contactId } = await invitedContact(agency);
    await lastEmailBecomes(agency, contactId, 'invitation', 'delivered');
  });

  it('an invitation to complaint@simulator.amazonses.com is delivered, then reads complained', async () => {
    const agency = await newAgency();
    const { contactId } = await invitedContact(agency, { email: simulator('complaint') });
    const contact = await lastEmailBecomes(agency, contactId, 'invitation', 'complained');
    expect(contact.lastEmail.reason).toBe('the recipient marked it as spam');
    const statuses = (await auditOf(agency, contactId)).flatMap((e) => (e.email ? [e.email.status] : []));
    expect(statuses).toEqual(['complained']);
  });

  it('an invitation to suppressionlist@simulator.amazonses.com reads bounced: on the suppression list', async () => {
    const agency = await newAgency();
    const { contactId } = await invitedContact(agency, { email: simulator('suppressionlist') });
    const contact = await lastEmailBecomes(agency, contactId, 'invitation', 'bounced');
    expect(contact.lastEmail.code).toBe('Permanent/Suppressed');
    expect(contact.lastEmail.reason).toMatch(/no longer sends to it/);
  });

  it('B6 B7 login e-mails update the type: the welcome e-mail after sign-up, then a login link', async () => {
    const agency = await newAgency();
    const email = simulator('success');
    const client = await signedInClient(agency, { email });
    // The sign-up's welcome e-mail (B6) is a login e-mail too: it follows the invitation.
    await lastEmailBecomes(agency, client.contactId, 'login_link', 'delivered');
    const before = (await contactOf(agency, client.contactId)).json.lastEmail.at;
    await requestLogin(email);
    await waitFor(
      async () => {
        const last = (await contactOf(agency, client.contactId)).json.lastEmail;
        return last.status === 'delivered' && last.at > before;
      },
      { what: 'the login link e-mail delivered' },
    );
  });

  it('B7 a login e-mail for two agencies reaches both contacts (through its login request)', async () => {
    const [first, second] = await Promise.all([newAgency('First Agency'), newAgency('Second Agency')]);
    const email = simulator('bounce');
    const a = await signedInClient(first, { email });
    const b = await signedInClient(second, { email });
    await Promise.all([
      lastEmailBecomes(first, a.contactId, 'login_link', 'bounced'),
      lastEmailBecomes(second, b.contactId, 'login_link', 'bounced'),
    ]);
    const stamps = async () =>
      Promise.all([
        contactOf(first, a.contactId).then((r) => r.json.lastEmail.at as string),
        contactOf(second, b.contactId).then((r) => r.json.lastEmail.at as string),
      ]);
    const [atA, atB] = await stamps();
    const { logins } = await requestLogin(email);
    expect(logins).toHaveLength(2);
    await waitFor(
      async () => {
        const [nowA, nowB] = await stamps();
        return nowA > atA && nowB > atB && nowA === nowB;
      },
      { what: 'one bounce recorded on both contacts' },
    );
  });
});
