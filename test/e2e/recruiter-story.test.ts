import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, linkIn, mailsTo, recruiterToken } from '../support/api.ts';
import { capture, expectAccessible, browserForFile, newPerson, type Person } from './support/browser.ts';
import { eventually, moreActions, newRecruiter, openSection, signInLocally } from './support/recruiter.ts';

/**
 * The seed's recruiter story in Chromium against the local stack, every step in the console:
 * sign in → switch the add-on on → an organization → a contact without an e-mail cannot be invited
 * and the profile says why → add the e-mail → Invite to Client Portal → the client joins in a second
 * browser → active, and the audit says joined → share a job → the client sees it → move the contact
 * to another organization → deactivated with the cause, and the client's next action is refused.
 */
const browser = browserForFile();

const recruiter = newRecruiter({ name: 'Rita Recruiter' });
const clientEmail = `hedy.lamarr@${recruiter.accountId}.test`;
const heading = (page: Page) => page.getByRole('heading', { level: 1 });

async function profileStatus(page: Page) {
  return page.getByRole('region', { name: 'Client Portal access' }).textContent();
}

describe('the recruiter story in the browser', () => {
  let desk: Person;
  let client: Person;
  beforeAll(async () => {
    desk = await newPerson(browser());
    client = await newPerson(browser());
  });
  afterAll(async () => {
    await desk?.context.close();
    await client?.context.close();
  });

  it('B1 a recruiter signs in locally and switches the Client Portal add-on on', async () => {
    const { page } = desk;
    await signInLocally(page, recruiter);
    await page.waitForURL('**/recruiter/contacts');
    const header = page.getByRole('banner');
    await eventually(() => header.getByText('Rita Recruiter').isVisible()).toBe(true);
    expect(await header.getByText(recruiter.email).count()).toBe(0);
    expect(
      await page.getByRole('navigation', { name: 'Recruiter console' }).getByRole('link').allTextContents(),
    ).toEqual(['Contacts', 'Organizations', 'Jobs', 'Candidates', 'Requisitions', 'Settings']);
    await eventually(() => page.getByText('No organizations yet').isVisible()).toBe(true);
    await capture(page, 'recruiter-contacts-empty');

    await openSection(page, 'Settings');
    await eventually(() => heading(page).textContent()).toBe('Settings');
    const addon = page.getByRole('switch', { name: 'Client Portal' });
    await eventually(() => addon.isVisible()).toBe(true);
    expect(await addon.isChecked()).toBe(false);
    await eventually(() => page.getByText('No one is told of client actions').isVisible()).toBe(true);
    await capture(page, 'recruiter-settings-off');

    await addon.check();
    await eventually(() => page.getByText('The Client Portal add-on is on.').isVisible()).toBe(true);
    await page.getByLabel('Portal name').fill('Acme Recruiting');
    await page.getByLabel('Notification e-mail').fill(`desk@${recruiter.accountId}.test`);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await eventually(() => page.getByText('The settings were saved.').isVisible()).toBe(true);
    expect(await page.getByText('No one is told of client actions').count()).toBe(0);
    await eventually(() => page.getByRole('banner').getByText('Acme Recruiting').isVisible()).toBe(true);
    await capture(page, 'recruiter-settings');
    const account = await api('GET', '/crm/account', { token: await recruiterToken(recruiter) });
    expect(account.json).toMatchObject({ portalEnabled: true, portalName: 'Acme Recruiting' });
  });

  it('B2 a contact without an e-mail has no invite item, and the profile says why and how to fix it', async () => {
    const { page } = desk;
    await openSection(page, 'Organizations');
    await page.getByRole('button', { name: 'New organization' }).click();
    await page.getByRole('button', { name: 'Create organization' }).click();
    await eventually(() => page.getByText('Enter the name.').isVisible()).toBe(true);
    await expectAccessible(page, 'organization form with an error');
    await page.getByLabel('Name').fill('Globex');
    await page.getByRole('button', { name: 'Create organization' }).click();
    await eventually(() => heading(page).textContent()).toBe('Globex');
    await eventually(() => page.getByText('No contacts at Globex yet').isVisible()).toBe(true);

    await page.getByRole('link', { name: 'Add a contact' }).click();
    await page.getByLabel('First name').fill('Hedy');
    await page.getByLabel('Last name').fill('Lamarr');
    expect(await page.getByLabel('Organization').inputValue()).not.toBe('');
    await capture(page, 'recruiter-contact-new');
    await page.getByRole('button', { name: 'Create contact' }).click();
    await eventually(() => heading(page).textContent()).toBe('Hedy Lamarr');

    expect(await moreActions(page)).toEqual(['Edit contact', 'Delete contact']);
    await capture(page, 'recruiter-contact-menu-no-invite');
    await page.keyboard.press('Escape');
    const why = page.getByText('Hedy cannot be invited to the Client Portal yet');
    await eventually(() => why.isVisible()).toBe(true);
    expect(await page.getByText('There is no e-mail address to send the invitation to.').isVisible()).toBe(
      true,
    );
    expect(await profileStatus(page)).toContain('Not invited');
    await capture(page, 'recruiter-contact-not-eligible');

    await page.getByRole('button', { name: 'Add an e-mail address' }).click();
    await page.getByLabel('Email').fill(clientEmail);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await eventually(() => page.getByText('The contact was saved.').isVisible()).toBe(true);
    expect(await why.count()).toBe(0);
  });

  it('B4 Invite to Client Portal sends the invitation; the profile and the audit say so', async () => {
    const { page } = desk;
    expect(await moreActions(page)).toEqual(['Edit contact', 'Invite to Client Portal', 'Delete contact']);
    await capture(page, 'recruiter-contact-menu');
    await page.getByRole('menuitem', { name: 'Invite to Client Portal' }).click();
    await eventually(() => page.getByText(`Invitation sent to ${clientEmail}.`).isVisible()).toBe(true);
    await eventually(() => profileStatus(page)).toContain('Invited');
    await eventually(() => page.getByText('Invited to the Client Portal').isVisible()).toBe(true);
    expect(await moreActions(page)).toEqual([
      'Edit contact',
      'Re-send invitation',
      'Revoke invitation',
      'Delete contact',
    ]);
    await page.keyboard.press('Escape');
    await capture(page, 'recruiter-contact-invited');
  });

  it('B5 B21 the client joins in a second browser; the profile shows active and the audit shows joined', async () => {
    const mail = (await mailsTo(clientEmail)).find((m) => m.body.text.includes('/signup?token='));
    const link = mail && linkIn(mail, '/signup');
    if (!link) throw new Error('no invitation e-mail');
    expect(mail.from).toContain('Acme Recruiting');
    const { page } = client;
    await page.goto(link.toString());
    await eventually(() => heading(page).textContent()).toBe("Join Acme Recruiting's Client Portal");
    await page.getByLabel('First name').fill('Hedy');
    await page.getByLabel('Last name').fill('Lamarr');
    await page.getByRole('button', { name: 'Join Client Portal' }).click();
    await page.waitForURL('**/app/jobs');

    const desk_ = desk.page;
    await desk_.reload();
    await signInLocally(desk_, recruiter, desk_.url());
    await eventually(() => profileStatus(desk_)).toContain('Active');
    await eventually(() => desk_.getByText('Joined the Client Portal').isVisible()).toBe(true);
    expect(await moreActions(desk_)).toEqual(['Edit contact', 'Revoke portal access', 'Delete contact']);
    await desk_.keyboard.press('Escape');
    await capture(desk_, 'recruiter-contact-active');
  });

  it('B10 B11 the recruiter shares a job with Globex in the console, and the client sees it', async () => {
    const { page } = desk;
    await openSection(page, 'Jobs');
    await page.getByRole('button', { name: 'New job' }).click();
    const form = page.getByRole('form', { name: 'New job' });
    await form.getByLabel('Title').fill('Senior Data Engineer');
    await form
      .getByLabel('Description')
      .fill('Build and run the data platform of the Globex analytics team.');
    await form.getByLabel('Organization').selectOption({ label: 'Globex' });
    await eventually(() => form.getByRole('option', { name: 'Hedy Lamarr' }).count()).toBe(1);
    await form.getByLabel('Primary contact').selectOption({ label: 'Hedy Lamarr' });
    await form.getByRole('button', { name: 'Create job' }).click();
    await eventually(() => heading(page).textContent()).toBe('Senior Data Engineer');
    const share = page.getByRole('region', { name: 'Client Portal' });
    await share.getByRole('button', { name: 'Share to Client Portal' }).click();
    await eventually(() => share.getByRole('button', { name: 'Unshare' }).isVisible()).toBe(true);

    await client.page.reload();
    await eventually(() => client.page.getByRole('link', { name: 'Senior Data Engineer' }).isVisible()).toBe(
      true,
    );
  });

  it("B17 B19 B21 moving the contact to another organization ends access at once, with the cause; the client's next action is refused", async () => {
    const { page } = desk;
    await openSection(page, 'Organizations');
    await page.getByRole('button', { name: 'New organization' }).click();
    await page.getByLabel('Name').fill('Initech');
    await page.getByRole('button', { name: 'Create organization' }).click();
    await eventually(() => heading(page).textContent()).toBe('Initech');

    await openSection(page, 'Contacts');
    await page.getByRole('link', { name: 'Hedy Lamarr' }).click();
    await eventually(() => heading(page).textContent()).toBe('Hedy Lamarr');
    await moreActions(page);
    await page.getByRole('menuitem', { name: 'Edit contact' }).click();
    await page.getByLabel('Organization').selectOption({ label: 'Initech' });
    const warning =
      'Changing the organization ends portal access: Hedy loses access to the Client Portal at once.';
    expect(await page.getByRole('region', { name: 'Edit Hedy Lamarr' }).getByText(warning).isVisible()).toBe(
      true,
    );
    await capture(page, 'recruiter-contact-move-warning');
    await page.getByRole('button', { name: 'Save changes' }).click();
    const dialog = page.getByRole('dialog', { name: 'End portal access?' });
    await eventually(() => dialog.isVisible()).toBe(true);
    await expectAccessible(page, 'the end-of-access confirmation');
    await dialog.getByRole('button', { name: 'Save and end access' }).click();

    // B19: the profile reads deactivated with its cause at once, before any event handler ran.
    await eventually(() => profileStatus(page)).toContain('Deactivated');
    expect(await profileStatus(page)).toContain(
      'Access ended: the contact was moved to another organization.',
    );
    await eventually(() => page.getByRole('link', { name: 'Initech' }).isVisible()).toBe(true);
    // B21: the audit entry follows from the event handler; the trail catches up by itself.
    const history = page.getByRole('region', { name: 'Client Portal history' });
    await eventually(() => history.textContent()).toContain(
      'Access ended: the contact was moved to another organization',
    );
    await capture(page, 'recruiter-contact-deactivated');

    await client.page
      .getByRole('navigation', { name: 'Portal' })
      .getByRole('link', { name: 'Requisitions' })
      .click();
    await client.page.waitForURL('**/login?ended=access_removed');
    await eventually(() =>
      client.page.getByText('Your access to the Client Portal was removed').isVisible(),
    ).toBe(true);
    expect(desk.problems).toEqual([]);
    expect(client.problems).toEqual([]);
  });
});
