import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Page } from 'playwright-core';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/data/keys.ts';
import { api, enablePortal, mailsTo, recruiterToken, tableName, testDb } from '../support/api.ts';
import { invitedContact, portalApi, signedInClient, type Agency } from '../support/portal.ts';
import { capture, expectAccessible, browserForFile, newPerson, type Person } from './support/browser.ts';
import {
  eventually,
  moreActions,
  newRecruiter,
  openSection,
  signInLocally,
  type RecruiterIdentity,
} from './support/recruiter.ts';

/**
 * The console's contacts, organizations and settings beyond the story: the More actions menu by
 * keyboard alone, re-send and revoke, an expired invitation, every reason a contact cannot be
 * invited, revoke access, delete with its warning, organization delete with its counts (and when
 * they cannot be counted), the settings' switch-off and field errors, read-only settings for a
 * recruiter, the sign-in form's errors, sign-out, an expired sign-in, and the not-found pages.
 */
const browser = browserForFile();

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const menuButton = (page: Page) => page.getByRole('button', { name: 'More actions' });
const focusedText = (page: Page) =>
  page.evaluate<string>("document.activeElement?.textContent?.trim() ?? ''");
const focusedLabel = (page: Page) =>
  page.evaluate<string>(
    "document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent?.trim() ?? ''",
  );

/** An agency whose add-on is on, with Globex, seen through a recruiter signed in with the form. */
async function agencyFor(who: RecruiterIdentity): Promise<Agency> {
  const token = await recruiterToken(who);
  await enablePortal(token, {
    portalName: 'Acme Recruiting',
    notificationEmail: `desk@${who.accountId}.test`,
  });
  const org = await api('POST', '/crm/organizations', { token, body: { name: 'Globex' } });
  return { accountId: who.accountId, token, orgId: org.json.id };
}

async function contactIn(agency: Agency, firstName: string, email: string | null) {
  const res = await api('POST', '/crm/contacts', {
    token: agency.token,
    body: { firstName, lastName: 'Tester', email, organizationId: agency.orgId },
  });
  expect(res.status).toBe(201);
  return res.json.id as string;
}

describe('the More actions menu', () => {
  const who = newRecruiter();
  let desk: Person;
  let agency: Agency;
  let contactId: string;
  beforeAll(async () => {
    agency = await agencyFor(who);
    contactId = await contactIn(agency, 'Kay', `kay@${who.accountId}.test`);
    desk = await newPerson(browser());
  });
  afterAll(async () => desk?.context.close());

  it('works with the keyboard alone: Enter, arrows, Home, End, Escape back to the button, Space, choosing an item', async () => {
    const { page } = desk;
    await signInLocally(page, who, `/recruiter/contacts/${contactId}`);
    await eventually(() => heading(page).textContent()).toBe('Kay Tester');
    // Tab from the heading to the menu button, as a keyboard user would.
    for (let i = 0; i < 5 && (await focusedLabel(page)) !== 'More actions'; i++)
      await page.keyboard.press('Tab');
    await eventually(() => focusedLabel(page)).toBe('More actions');
    const button = menuButton(page);
    expect(await button.getAttribute('aria-haspopup')).toBe('menu');
    expect(await button.getAttribute('aria-expanded')).toBe('false');

    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu', { name: 'More actions' });
    await eventually(() => menu.isVisible()).toBe(true);
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await button.getAttribute('aria-controls')).toBe(await menu.getAttribute('id'));
    await eventually(() => focusedText(page)).toBe('Edit contact');
    await page.keyboard.press('ArrowDown');
    await eventually(() => focusedText(page)).toBe('Invite to Client Portal');
    await page.keyboard.press('End');
    await eventually(() => focusedText(page)).toBe('Delete contact');
    await page.keyboard.press('ArrowDown');
    await eventually(() => focusedText(page)).toBe('Edit contact');
    await page.keyboard.press('ArrowUp');
    await eventually(() => focusedText(page)).toBe('Delete contact');
    await page.keyboard.press('Home');
    await eventually(() => focusedText(page)).toBe('Edit contact');
    await expectAccessible(page, 'the More actions menu, open');

    await page.keyboard.press('Escape');
    await eventually(() => menu.count()).toBe(0);
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await focusedLabel(page)).toBe('More actions');

    await page.keyboard.press('ArrowUp');
    await eventually(() => focusedText(page)).toBe('Delete contact');
    await page.keyboard.press('Escape');
    await page.keyboard.press(' ');
    await eventually(() => focusedText(page)).toBe('Edit contact');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await eventually(() => page.getByText(`Invitation sent to kay@${who.accountId}.test.`).isVisible()).toBe(
      true,
    );
    expect(await focusedLabel(page)).toBe('More actions');
    await eventually(() =>
      page.getByRole('region', { name: 'Client Portal access' }).textContent(),
    ).toContain('Invited');
  });

  it('B4 re-sends a pending invitation, and B4 revokes it (the link stops working)', async () => {
    const { page } = desk;
    const history = page.getByRole('region', { name: 'Client Portal history' });
    await moreActions(page);
    await page.getByRole('menuitem', { name: 'Re-send invitation' }).click();
    await eventually(() => history.textContent()).toContain('Invitation sent again');
    await eventually(() =>
      page.getByRole('status').getByText(`Invitation sent to kay@${who.accountId}.test.`).isVisible(),
    ).toBe(true);
    await expectAccessible(page, 'the news after a Re-send');

    await moreActions(page);
    await page.getByRole('menuitem', { name: 'Revoke invitation' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke the invitation of Kay Tester?' });
    await eventually(() => dialog.isVisible()).toBe(true);
    await capture(page, 'recruiter-contact-revoke-invitation');
    await dialog.getByRole('button', { name: 'Revoke invitation' }).click();
    await eventually(() =>
      page.getByText('The invitation was revoked: its link no longer works.').isVisible(),
    ).toBe(true);
    await eventually(() => history.textContent()).toContain('Invitation revoked');
    await eventually(() =>
      page.getByRole('region', { name: 'Client Portal access' }).textContent(),
    ).toContain('Not invited');
    await eventually(() => focusedLabel(page)).toBe('More actions');
  });
});

describe('an expired invitation, and the reasons a contact cannot be invited', () => {
  const who = newRecruiter({ name: 'Ines Inviter' });
  let desk: Person;
  let agency: Agency;
  beforeAll(async () => {
    agency = await agencyFor(who);
    desk = await newPerson(browser());
  });
  afterAll(async () => desk?.context.close());

  it('B4 an expired invitation says so and Re-send renews it', async () => {
    const { page } = desk;
    const invited = await invitedContact(agency);
    // Seven days later, as the clock would have it: the invitation's expiry in the past.
    await testDb().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.contact(agency.accountId, invited.contactId),
        UpdateExpression: 'SET invitation.expiresAt = :past',
        ExpressionAttributeValues: { ':past': new Date(Date.now() - 86_400_000).toISOString() },
      }),
    );
    await signInLocally(page, who, `/recruiter/organizations/${agency.orgId}`);
    const item = page
      .getByRole('list', { name: 'Contacts at Globex' })
      .getByRole('listitem')
      .filter({ hasText: invited.email });
    await eventually(() => item.textContent()).toContain('Invitation expired');
    await item.getByRole('link', { name: 'Cleo Client' }).click();
    await eventually(() => heading(page).textContent()).toBe('Cleo Client');
    const access = page.getByRole('region', { name: 'Client Portal access' });
    await eventually(() => access.textContent()).toContain('Invitation expired');
    expect(await access.textContent()).toMatch(
      /The invitation expired on .+\. Re-send it to give Cleo a new link\./,
    );
    expect(await moreActions(page)).toEqual([
      'Edit contact',
      'Re-send invitation',
      'Revoke invitation',
      'Delete contact',
    ]);
    await page.keyboard.press('Escape');
    await capture(page, 'recruiter-contact-expired');

    const invitations = async () =>
      (await mailsTo(invited.email)).filter((m) => m.body.text.includes('/signup?token=')).length;
    expect(await invitations()).toBe(1);
    await moreActions(page);
    await page.getByRole('menuitem', { name: 'Re-send invitation' }).click();
    await eventually(() => page.getByText(`Invitation sent to ${invited.email}.`).isVisible()).toBe(true);
    await eventually(() => access.textContent()).toMatch(/Invited.*Invitation sent; the link works until /);
    expect(await access.textContent()).not.toContain('expired');
    await eventually(() =>
      page.getByRole('region', { name: 'Client Portal history' }).textContent(),
    ).toContain('Invitation sent again');
    await eventually(invitations).toBe(2);
    const contact = await api('GET', `/crm/contacts/${invited.contactId}`, { token: agency.token });
    expect(contact.json.portal.status).toBe('invited');
    expect(Date.parse(contact.json.portal.invitationExpiresAt)).toBeGreaterThan(Date.now());
  });

  it('B2 a contact without an organization says so, and Assign an organization opens the form', async () => {
    const { page } = desk;
    const res = await api('POST', '/crm/contacts', {
      token: agency.token,
      body: { firstName: 'Nora', lastName: 'Nowhere', email: `nora@${who.accountId}.test` },
    });
    expect(res.status).toBe(201);
    await signInLocally(page, who, `/recruiter/contacts/${res.json.id}`);
    await eventually(() => heading(page).textContent()).toBe('Nora Nowhere');
    await eventually(() =>
      page.getByText('Nora cannot be invited to the Client Portal yet').isVisible(),
    ).toBe(true);
    expect(
      await page
        .getByText('The contact belongs to no organization, and the portal shows an organization’s jobs.')
        .isVisible(),
    ).toBe(true);
    expect(await moreActions(page)).toEqual(['Edit contact', 'Delete contact']);
    await page.keyboard.press('Escape');
    await expectAccessible(page, 'a contact without an organization');

    await page.getByRole('button', { name: 'Assign an organization' }).click();
    const form = page.getByRole('region', { name: 'Edit Nora Nowhere' });
    await eventually(() => form.isVisible()).toBe(true);
    await eventually(() => form.getByRole('option', { name: 'Globex' }).count()).toBe(1);
    await form.getByLabel('Organization').selectOption({ label: 'Globex' });
    await form.getByRole('button', { name: 'Save changes' }).click();
    await eventually(() => page.getByText('The contact was saved.').isVisible()).toBe(true);
    expect(await page.getByText('Nora cannot be invited to the Client Portal yet').count()).toBe(0);
    expect(await moreActions(page)).toEqual(['Edit contact', 'Invite to Client Portal', 'Delete contact']);
    await page.keyboard.press('Escape');
  });

  it('B2 an e-mail address that is not valid is named, and Correct the e-mail address opens the form', async () => {
    const { page } = desk;
    // The CRM keeps what it is given (imported lists hold such addresses); only the portal refuses it.
    await openSection(page, 'Contacts');
    await page.getByRole('button', { name: 'New contact' }).click();
    const newForm = page.getByRole('region', { name: 'New contact' });
    await newForm.getByLabel('First name').fill('Otto');
    await newForm.getByLabel('Last name').fill('Typo');
    await newForm.getByLabel('Email').fill(`otto@${who.accountId}`);
    await newForm.getByLabel('Organization').selectOption({ label: 'Globex' });
    await newForm.getByRole('button', { name: 'Create contact' }).click();
    await eventually(() => heading(page).textContent()).toBe('Otto Typo');
    expect(
      await page.getByText(`The e-mail address “otto@${who.accountId}” is not a valid address.`).isVisible(),
    ).toBe(true);
    expect(await moreActions(page)).toEqual(['Edit contact', 'Delete contact']);
    await page.keyboard.press('Escape');
    await expectAccessible(page, 'a contact with an address that is not valid');

    await page.getByRole('button', { name: 'Correct the e-mail address' }).click();
    const form = page.getByRole('region', { name: 'Edit Otto Typo' });
    await form.getByLabel('Email').fill(`otto@${who.accountId}.test`);
    await form.getByRole('button', { name: 'Save changes' }).click();
    await eventually(() => page.getByText('The contact was saved.').isVisible()).toBe(true);
    expect(await page.getByText('Otto cannot be invited to the Client Portal yet').count()).toBe(0);
    expect(await moreActions(page)).toEqual(['Edit contact', 'Invite to Client Portal', 'Delete contact']);
    await page.keyboard.press('Escape');
  });

  it('B1 B2 with the add-on off the profile says to switch it on, and the fix opens the settings', async () => {
    const off = newRecruiter({ name: 'Olga Offline' });
    const token = await recruiterToken(off);
    const org = await api('POST', '/crm/organizations', { token, body: { name: 'Globex' } });
    const contact = await api('POST', '/crm/contacts', {
      token,
      body: {
        firstName: 'Pia',
        lastName: 'Pending',
        email: `pia@${off.accountId}.test`,
        organizationId: org.json.id,
      },
    });
    expect(contact.status).toBe(201);
    const person = await newPerson(browser());
    const { page } = person;
    await signInLocally(page, off, `/recruiter/contacts/${contact.json.id}`);
    await eventually(() => heading(page).textContent()).toBe('Pia Pending');
    await eventually(() =>
      page.getByText('The Client Portal add-on is off for your agency.').isVisible(),
    ).toBe(true);
    expect(await moreActions(page)).toEqual(['Edit contact', 'Delete contact']);
    await page.keyboard.press('Escape');
    const fix = page.getByRole('link', { name: 'Switch the Client Portal add-on on' });
    expect(await fix.getAttribute('href')).toBe('/recruiter/settings');
    await capture(page, 'recruiter-contact-portal-off');
    await fix.click();
    await eventually(() => heading(page).textContent()).toBe('Settings');
    const addon = page.getByRole('switch', { name: 'Client Portal' });
    await eventually(() => addon.isVisible()).toBe(true);
    expect(await addon.isChecked()).toBe(false);
    expect(person.problems).toEqual([]);
    await person.context.close();
  });

  it('shows the contacts of one organization, and a new contact’s errors field by field', async () => {
    const { page } = desk;
    await openSection(page, 'Organizations');
    await page.getByRole('button', { name: 'New organization' }).click();
    await page.getByLabel('Name').fill('Initech');
    await page.getByRole('button', { name: 'Create organization' }).click();
    await eventually(() => heading(page).textContent()).toBe('Initech');
    const initechId = new URL(page.url()).pathname.split('/').pop() ?? '';
    await page.getByRole('link', { name: 'Add a contact' }).click();
    await page.getByLabel('First name').fill('Ivo');
    await page.getByLabel('Last name').fill('Tester');
    await page.getByRole('button', { name: 'Create contact' }).click();
    await eventually(() => heading(page).textContent()).toBe('Ivo Tester');
    await openSection(page, 'Contacts');
    const sections = page.getByRole('main').getByRole('heading', { level: 2 });
    // The contacts created in this agency without an organization form the group after them.
    await eventually(() => sections.allTextContents()).toEqual(['Globex', 'Initech', 'No organization']);
    await page.getByLabel('Show the contacts of').selectOption({ label: 'Initech' });
    await eventually(() => new URL(page.url()).search).toBe(`?organization=${initechId}`);
    await eventually(() => sections.allTextContents()).toEqual(['Initech']);
    expect(
      await page.getByRole('list', { name: 'Contacts at Initech' }).getByRole('listitem').textContent(),
    ).toContain('Ivo Tester');
    await expectAccessible(page, 'the contacts of one organization');

    await page.getByRole('button', { name: 'New contact' }).click();
    const form = page.getByRole('region', { name: 'New contact' });
    expect(await form.getByLabel('Organization').inputValue()).toBe(initechId);
    await form.getByRole('button', { name: 'Create contact' }).click();
    await eventually(() => form.getByText('Enter the first name.').isVisible()).toBe(true);
    await eventually(() => form.getByText('Enter the last name.').isVisible()).toBe(true);
    expect(await form.getByLabel('First name').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'the new-contact form with errors');
    await form.getByRole('button', { name: 'Cancel' }).click();
    expect(desk.problems).toEqual([]);
  });
});

describe('access and deletion', () => {
  const who = newRecruiter({ name: 'Sam Sourcer' });
  let desk: Person;
  let agency: Agency;
  beforeAll(async () => {
    agency = await agencyFor(who);
    desk = await newPerson(browser());
  });
  afterAll(async () => desk?.context.close());

  it('B22 revokes active access by hand: the client is out at once, the audit names the cause', async () => {
    const { page } = desk;
    const client = await signedInClient(agency);
    await signInLocally(page, who, `/recruiter/contacts/${client.contactId}`);
    await eventually(() =>
      page.getByRole('region', { name: 'Client Portal access' }).textContent(),
    ).toContain('Active');
    await eventually(() => page.getByText('Cleo already uses the Client Portal.').isVisible()).toBe(true);
    expect(await moreActions(page)).toEqual(['Edit contact', 'Revoke portal access', 'Delete contact']);
    await page.getByRole('menuitem', { name: 'Revoke portal access' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke the portal access of Cleo Client?' });
    await eventually(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain('Cleo is logged out at once and can no longer log in.');
    await capture(page, 'recruiter-contact-revoke-access');
    await dialog.getByRole('button', { name: 'Revoke access' }).click();
    await eventually(() =>
      page.getByText('Cleo Client no longer has access to the Client Portal.').isVisible(),
    ).toBe(true);
    expect(await page.getByRole('region', { name: 'Client Portal access' }).textContent()).toContain(
      'Access ended: a recruiter revoked the access.',
    );
    await eventually(() =>
      page.getByRole('region', { name: 'Client Portal history' }).textContent(),
    ).toContain('Access ended: a recruiter revoked the access');
    expect((await portalApi('GET', '/portal/me', { cookie: client.cookie })).status).toBe(401);
  });

  it('B17 changing the e-mail of a contact with a pending invitation warns that the invitation stops working', async () => {
    const { page } = desk;
    const invited = await invitedContact(agency);
    await signInLocally(page, who, `/recruiter/contacts/${invited.contactId}`);
    await eventually(() => heading(page).textContent()).toBe('Cleo Client');
    await moreActions(page);
    await page.getByRole('menuitem', { name: 'Edit contact' }).click();
    const form = page.getByRole('region', { name: 'Edit Cleo Client' });
    expect(await form.getByText('Portal access ends').count()).toBe(0);
    await form.getByLabel('Email').fill(`cleo.new@${who.accountId}.test`);
    expect(
      await form
        .getByText('Changing the e-mail address ends portal access: the pending invitation stops working.')
        .isVisible(),
    ).toBe(true);
    await capture(page, 'recruiter-contact-edit-warning');
    await form.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByRole('region', { name: 'Client Portal access' }).textContent()).toContain(
      'Invited',
    );
  });

  it('B16 deleting a contact warns that its access ends; its history stays readable', async () => {
    const { page } = desk;
    const client = await signedInClient(agency);
    await signInLocally(page, who, `/recruiter/contacts/${client.contactId}`);
    await eventually(() =>
      page.getByRole('region', { name: 'Client Portal access' }).textContent(),
    ).toContain('Active');
    await moreActions(page);
    await page.getByRole('menuitem', { name: 'Delete contact' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Cleo Client?' });
    await eventually(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain('Cleo loses access to the Client Portal at once.');
    await capture(page, 'recruiter-contact-delete');
    await dialog.getByRole('button', { name: 'Delete contact' }).click();
    await eventually(() => heading(page).textContent()).toBe('Globex');
    expect((await portalApi('GET', '/portal/me', { cookie: client.cookie })).status).toBe(401);

    await signInLocally(page, who, `/recruiter/contacts/${client.contactId}`);
    await eventually(() => heading(page).textContent()).toBe('Contact not found');
    await eventually(() =>
      page.getByRole('region', { name: 'Client Portal history' }).textContent(),
    ).toContain('Access ended: the contact was deleted');
    await expectAccessible(page, 'a deleted contact with its history');
  });

  it('B15 an organization is renamed; deleting it names how many contacts go and how many portal users lose access', async () => {
    const { page } = desk;
    const org = await api('POST', '/crm/organizations', { token: agency.token, body: { name: 'Umbrella' } });
    const umbrella = { ...agency, orgId: org.json.id as string };
    const [first, second] = [await signedInClient(umbrella), await signedInClient(umbrella)];
    await invitedContact(umbrella);
    await contactIn(umbrella, 'Nomail', null);
    await openSection(page, 'Organizations');
    const list = page.getByRole('list', { name: 'Organizations' });
    await eventually(() => list.getByRole('link').allTextContents()).toEqual(['Globex', 'Umbrella']);
    await capture(page, 'recruiter-organizations');
    await page.getByRole('link', { name: 'Umbrella' }).click();
    await eventually(() => heading(page).textContent()).toBe('Umbrella');
    await eventually(() =>
      page.getByRole('list', { name: 'Contacts at Umbrella' }).getByRole('listitem').count(),
    ).toBe(4);
    await capture(page, 'recruiter-organization');
    await page.getByRole('button', { name: 'Rename' }).click();
    const rename = page.getByRole('region', { name: 'Rename Umbrella' });
    expect(await rename.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Umbrella');
    await expectAccessible(page, 'the rename form');
    await page.getByRole('textbox', { name: 'Name' }).fill('Umbrella Corp');
    await page.getByRole('button', { name: 'Save name' }).click();
    await eventually(() => heading(page).textContent()).toBe('Umbrella Corp');
    await eventually(() => page.getByText('The organization is now called Umbrella Corp.').isVisible()).toBe(
      true,
    );
    await page.getByRole('button', { name: 'Delete organization' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Umbrella Corp?' });
    await eventually(() => dialog.isVisible()).toBe(true);
    // Counted afresh as the dialog opens: the confirmation waits for the counts.
    await eventually(() => dialog.textContent()).toContain(
      '4 contacts of Umbrella Corp will be deleted with it. 2 portal users lose access to the Client Portal at once. 1 pending invitation stops working.',
    );
    expect(await dialog.getByRole('button', { name: 'Delete organization and contacts' }).isEnabled()).toBe(
      true,
    );
    await capture(page, 'recruiter-organization-delete');
    await dialog.getByRole('button', { name: 'Delete organization and contacts' }).click();
    await eventually(() => heading(page).textContent()).toBe('Organizations');
    await eventually(() => page.getByRole('link', { name: 'Umbrella Corp' }).count()).toBe(0);
    for (const client of [first, second])
      expect((await portalApi('GET', '/portal/me', { cookie: client.cookie })).status).toBe(401);
    expect(desk.problems).toEqual([]);
  });
});

describe('an organization whose contacts cannot be counted', () => {
  it('B15 the delete dialog says the contacts could not be counted, waits, and Try again counts them', async () => {
    const who = newRecruiter();
    const agency = await agencyFor(who);
    await signedInClient(agency);
    const person = await newPerson(browser());
    const { page } = person;
    // The contact list fails, as it would while the API is unreachable or answers 500.
    const contactsOfOrganization = (url: URL) => /^\/crm\/organizations\/[^/]+\/contacts$/.test(url.pathname);
    await person.context.route(contactsOfOrganization, (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: '{"message":"Service Unavailable"}',
      }),
    );
    await signInLocally(page, who, `/recruiter/organizations/${agency.orgId}`);
    await eventually(() => heading(page).textContent()).toBe('Globex');
    const listError = page.getByRole('alert').filter({ hasText: 'The contacts could not be loaded' });
    await eventually(() => listError.isVisible()).toBe(true);
    await eventually(() => listError.getByRole('button', { name: 'Try again' }).isVisible()).toBe(true);

    const deleteButton = page.getByRole('button', { name: 'Delete organization' });
    await eventually(() => deleteButton.isEnabled()).toBe(true);
    await deleteButton.click();
    const dialog = page.getByRole('dialog', { name: 'Delete Globex?' });
    await eventually(() => dialog.isVisible()).toBe(true);
    const why = dialog.getByRole('alert').filter({ hasText: 'The contacts could not be counted' });
    await eventually(() => why.isVisible()).toBe(true);
    await eventually(() => why.textContent()).toContain(
      'The contacts of Globex could not be loaded (Service Unavailable), so this cannot say how many go with it or who loses access to the Client Portal.',
    );
    const confirm = dialog.getByRole('button', { name: 'Delete organization and contacts' });
    expect(await confirm.isDisabled()).toBe(true);
    await capture(page, 'recruiter-organization-delete-not-counted');

    await person.context.unroute(contactsOfOrganization);
    await why.getByRole('button', { name: 'Try again' }).click();
    await eventually(() => dialog.textContent()).toContain(
      '1 contact of Globex will be deleted with it. 1 portal user loses access to the Client Portal at once.',
    );
    expect(await why.count()).toBe(0);
    expect(await confirm.isEnabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await eventually(() => dialog.isVisible()).toBe(false);
    expect((await api('GET', `/crm/organizations/${agency.orgId}`, { token: agency.token })).status).toBe(
      200,
    );
    await person.context.close();
  });
});

describe('settings and the session', () => {
  it('B1 B23 a recruiter sees the settings read-only, with the sentence why, and the empty-notification notice', async () => {
    const admin = newRecruiter();
    await enablePortal(await recruiterToken(admin), {
      portalName: 'Acme Recruiting',
      notificationEmail: null,
    });
    const person = await newPerson(browser());
    const { page } = person;
    await signInLocally(page, {
      ...admin,
      email: `rob@${admin.accountId}.test`,
      name: 'Rob Recruiter',
      role: 'recruiter',
    });
    await openSection(page, 'Settings');
    await eventually(() =>
      page
        .getByText(
          'Only an admin of your agency can change these settings; you are signed in as a recruiter.',
        )
        .isVisible(),
    ).toBe(true);
    expect(await page.getByRole('switch').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Save settings' }).count()).toBe(0);
    await eventually(() => page.getByText('No one is told of client actions').isVisible()).toBe(true);
    await capture(page, 'recruiter-settings-read-only');
    expect(person.problems).toEqual([]);
    await person.context.close();
  });

  it('B1 switching the add-on off asks first (Cancel keeps it on); the settings form marks a wrong field', async () => {
    const admin = newRecruiter();
    const token = await recruiterToken(admin);
    await enablePortal(token, {
      portalName: 'Acme Recruiting',
      notificationEmail: `desk@${admin.accountId}.test`,
    });
    const person = await newPerson(browser());
    const { page } = person;
    await signInLocally(page, admin, '/recruiter/settings');
    const addon = page.getByRole('switch', { name: 'Client Portal' });
    await eventually(() => addon.isVisible()).toBe(true);
    expect(await addon.isChecked()).toBe(true);

    await addon.click();
    const dialog = page.getByRole('dialog', { name: 'Switch the Client Portal off?' });
    await eventually(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain('Every client is logged out at once');
    await capture(page, 'recruiter-settings-switch-off');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await eventually(() => dialog.isVisible()).toBe(false);
    expect(await addon.isChecked()).toBe(true);
    expect((await api('GET', '/crm/account', { token })).json.portalEnabled).toBe(true);

    await addon.click();
    await dialog.getByRole('button', { name: 'Switch off' }).click();
    await eventually(() => page.getByText('The Client Portal add-on is off.').isVisible()).toBe(true);
    expect(await addon.isChecked()).toBe(false);
    expect((await api('GET', '/crm/account', { token })).json.portalEnabled).toBe(false);

    await page.getByLabel('Portal name').fill('');
    await page.getByLabel('Notification e-mail').fill('desk@');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await eventually(() => page.getByText('Enter the portal name.').isVisible()).toBe(true);
    await eventually(() =>
      page.getByText('Enter an e-mail address such as name@company.com.').isVisible(),
    ).toBe(true);
    expect(await page.getByLabel('Portal name').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Notification e-mail').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'the settings form with field errors');
    expect((await api('GET', '/crm/account', { token })).json.portalName).toBe('Acme Recruiting');
    expect(person.problems).toEqual([]);
    await person.context.close();
  });

  it('the local sign-in form says what is missing, field by field', async () => {
    const person = await newPerson(browser());
    const { page } = person;
    await page.goto('/recruiter');
    await eventually(() => heading(page).textContent()).toBe('Sign in to the recruiter console');
    await page.getByLabel('Email').fill('rita@');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await eventually(() => alert.textContent()).toContain('Check the fields marked below.');
    await eventually(() => page.getByText('Enter the account ID.').isVisible()).toBe(true);
    await eventually(() =>
      page.getByText('Enter an e-mail address such as name@agency.com.').isVisible(),
    ).toBe(true);
    await eventually(() =>
      page.getByText('Enter your name: clients see it on your remarks.').isVisible(),
    ).toBe(true);
    for (const label of ['Account ID', 'Email', 'Name'])
      expect(await page.getByLabel(label).getAttribute('aria-invalid')).toBe('true');
    await capture(page, 'recruiter-sign-in-errors');
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    await person.context.close();
  });

  it('Continue as demo admin signs in to the seeded agency; Sign out forgets the session', async () => {
    const person = await newPerson(browser());
    const { page } = person;
    await page.goto('/recruiter');
    await eventually(() => heading(page).textContent()).toBe('Sign in to the recruiter console');
    await capture(page, 'recruiter-sign-in');
    await page.getByRole('button', { name: 'Continue as demo admin' }).click();
    await eventually(() => page.getByRole('banner').getByText('Morgan Reyes').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await eventually(() => page.getByText('You have signed out.').isVisible()).toBe(true);
    expect(await page.getByRole('status').filter({ hasText: 'You have signed out.' }).count()).toBe(1);
    await expectAccessible(page, 'signed out');
    await page.goto('/recruiter/contacts');
    await eventually(() => heading(page).textContent()).toBe('Sign in to the recruiter console');
    await person.context.close();
  });

  it('a 401 from /crm ends on the sign-in page: "Your sign-in has expired; sign in again"', async () => {
    const person = await newPerson(browser());
    const { page } = person;
    const who = newRecruiter();
    // The API refuses the token, as it does once a token expired or its user was disabled.
    await person.context.route('**/crm/**', (route) =>
      route.fulfill({ status: 401, contentType: 'application/json', body: '{"message":"Unauthorized"}' }),
    );
    await page.goto('/recruiter/organizations');
    await page.getByLabel('Account ID').fill(who.accountId);
    await page.getByLabel('Email').fill(who.email);
    await page.getByLabel('Name').fill(who.name);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await eventually(() => page.getByText('Your sign-in has expired; sign in again.').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    await capture(page, 'recruiter-sign-in-expired');

    await person.context.unroute('**/crm/**');
    await page.getByLabel('Account ID').fill(who.accountId);
    await page.getByLabel('Email').fill(who.email);
    await page.getByLabel('Name').fill(who.name);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await eventually(() => heading(page).textContent()).toBe('Organizations');
    expect(await page.getByText('Your sign-in has expired; sign in again.').count()).toBe(0);
    await person.context.close();
  });

  it('renews the token before it expires: a new local token is minted and the next request carries it', async () => {
    const person = await newPerson(browser());
    const { page } = person;
    // The page's clock, moved on at will: a local token lives 12 hours.
    await page.clock.install();
    const minted: string[] = [];
    page.on('response', (res) => {
      if (res.url().endsWith('/_local/recruiter-token') && res.ok())
        void res.json().then((body: { token: string }) => minted.push(body.token));
    });
    const who = newRecruiter();
    await signInLocally(page, who);
    await eventually(() => minted.length).toBe(1);
    await page.clock.fastForward('10:00:00');
    await eventually(() => minted.length).toBe(2);
    expect(minted[1]).not.toBe(minted[0]);
    const sent = page.waitForRequest((req) => req.url().includes('/crm/organizations'));
    await openSection(page, 'Organizations');
    await page.getByRole('button', { name: 'New organization' }).click();
    await page.getByLabel('Name').fill('Renewed Inc');
    await page.getByRole('button', { name: 'Create organization' }).click();
    expect((await sent).headers().authorization).toBe(`Bearer ${minted[1]}`);
    await eventually(() => heading(page).textContent()).toBe('Renewed Inc');
    expect(person.problems).toEqual([]);
    await person.context.close();
  });

  it('B14 the navigation shows how many requisitions wait for review', async () => {
    const who = newRecruiter();
    const agency = await agencyFor(who);
    const client = await signedInClient(agency);
    for (const title of ['Office Manager', 'Night Porter'])
      expect(
        (
          await portalApi('POST', '/portal/requisitions', {
            cookie: client.cookie,
            body: {
              title,
              description: 'Keeps the office running.',
              employmentType: 'part_time',
              openings: 1,
            },
          })
        ).status,
      ).toBe(201);
    const person = await newPerson(browser());
    await signInLocally(person.page, who);
    const link = person.page
      .getByRole('navigation', { name: 'Recruiter console' })
      .getByRole('link', { name: /^Requisitions/ });
    await eventually(() => link.textContent()).toBe('Requisitions2 pending');
    await capture(person.page, 'recruiter-contacts');
    await person.context.close();
  });
});

describe('pages that are not there', () => {
  it('says so for a contact, an organization and a job that do not exist, and for a page outside the console', async () => {
    const who = newRecruiter();
    const person = await newPerson(browser());
    const { page } = person;
    const missing = [
      {
        path: `/recruiter/contacts/${ulid()}`,
        title: 'Contact not found',
        says: 'There is no such contact: it may have been deleted.',
        back: 'Back to the contacts',
      },
      {
        path: `/recruiter/organizations/${ulid()}`,
        title: 'Organization not found',
        says: 'There is no such organization: it may have been deleted.',
        back: 'Back to the organizations',
      },
      {
        path: `/recruiter/jobs/${ulid()}`,
        title: 'Job not found',
        says: 'This job does not exist (any more): someone may have deleted it.',
        back: 'Back to the jobs',
      },
      {
        path: '/recruiter/no-such-page',
        title: 'Page not found',
        says: 'There is no such page in the recruiter console.',
        back: 'Go to the contacts',
      },
    ];
    for (const { path, title, says, back } of missing) {
      // The session lives in memory: each address typed anew asks to sign in again.
      await signInLocally(page, who, path);
      await eventually(() => heading(page).textContent()).toBe(title);
      await eventually(() => page.getByText(says).isVisible()).toBe(true);
      await eventually(() => page.getByRole('link', { name: back }).isVisible()).toBe(true);
      await expectAccessible(page, `${title} (${path})`);
    }
    await capture(page, 'recruiter-not-found');
    await page.getByRole('link', { name: 'Go to the contacts' }).click();
    await eventually(() => heading(page).textContent()).toBe('Contacts');
    expect(person.problems).toEqual([]);
    await person.context.close();
  });
});
