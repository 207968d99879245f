import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, enablePortal, recruiterToken } from '../support/api.ts';
import { capture, expectAccessible, browserForFile, newPerson, type Person } from './support/browser.ts';
import { eventually, moreActions, newRecruiter, signInLocally } from './support/recruiter.ts';

/**
 * "The client did not receive the e-mail", as a recruiter sees it: the invitation goes to SES's
 * mailbox-simulator bounce address, the local SES reports the bounce, and the contact's profile
 * says so, why, and what to do — without a reload.
 */
const browser = browserForFile();

describe('the last e-mail on the contact profile', () => {
  const who = newRecruiter();
  let desk: Person;
  let contactId: string;
  beforeAll(async () => {
    const token = await recruiterToken(who);
    await enablePortal(token, {
      portalName: 'Acme Recruiting',
      notificationEmail: `desk@${who.accountId}.test`,
    });
    const org = await api('POST', '/crm/organizations', { token, body: { name: 'Globex' } });
    const contact = await api('POST', '/crm/contacts', {
      token,
      body: {
        firstName: 'Bo',
        lastName: 'Unce',
        email: `bounce+${who.accountId}@simulator.amazonses.com`,
        organizationId: org.json.id,
      },
    });
    contactId = contact.json.id;
    desk = await newPerson(browser());
  });
  afterAll(async () => desk?.context.close());

  it('an invitation that bounced says so, with the reason and what to do, and the history keeps it', async () => {
    const { page } = desk;
    await signInLocally(page, who, `/recruiter/contacts/${contactId}`);
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Bo Unce');
    await moreActions(page);
    await page.getByRole('menuitem', { name: 'Invite to Client Portal' }).click();

    const notice = page.getByRole('region', { name: /^Invitation bounced: the address does not exist/ });
    await eventually(() => notice.isVisible()).toBe(true);
    const text = await notice.textContent();
    expect(text).toMatch(/just now|minute ago/);
    expect(text).toContain('Check the address with Bo, correct it with Edit contact, then invite again.');
    const history = page.getByRole('list', { name: 'Client Portal history, newest first' });
    await eventually(() => history.textContent()).toContain('Invitation bounced: the address does not exist');
    expect(await history.textContent()).toContain('reported by Amazon SES');

    await expectAccessible(page, 'a contact whose invitation bounced');
    await capture(page, 'recruiter-contact-email-bounced');
    expect(desk.problems).toEqual([]);
  });
});
