import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, enablePortal, recruiterToken } from '../support/api.ts';
import { browserForFile, capture, expectAccessible, newPerson, type Person } from './support/browser.ts';
import { eventually, moreActions, newRecruiter, openSection, signInLocally } from './support/recruiter.ts';

/**
 * B9 in the console: a contact without an organization is listed under "No organization" on the
 * contacts page, its profile offers "Assign an organization", and once assigned it moves to that
 * organization's list and can be invited.
 */
const browser = browserForFile();

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const unassignedGroup = (page: Page) => page.getByRole('region', { name: 'No organization' });
const namesIn = (page: Page, list: string) =>
  page.getByRole('list', { name: list }).getByRole('listitem').getByRole('link').allTextContents();

describe('contacts without an organization', () => {
  const who = newRecruiter();
  let desk: Person;
  beforeAll(async () => {
    const token = await recruiterToken(who);
    await enablePortal(token, {
      portalName: 'Acme Recruiting',
      notificationEmail: `desk@${who.accountId}.test`,
    });
    await api('POST', '/crm/organizations', { token, body: { name: 'Initech' } });
    desk = await newPerson(browser());
  });
  afterAll(async () => desk?.context.close());

  it('B9 a contact created without an organization is listed under "No organization", which says what to do', async () => {
    const { page } = desk;
    await signInLocally(page, who, '/recruiter/contacts');
    await eventually(() =>
      unassignedGroup(page).getByText('No contacts without an organization').isVisible(),
    ).toBe(true);
    await expectAccessible(page, 'contacts page with an empty "No organization" group');

    await page.getByRole('button', { name: 'New contact' }).click();
    await page.getByLabel('First name').fill('Alan');
    await page.getByLabel('Last name').fill('Turing');
    await page.getByLabel('Email').fill(`alan@${who.accountId}.test`);
    expect(await page.getByRole('combobox', { name: /^Organization/ }).inputValue()).toBe('');
    await page.getByRole('button', { name: 'Create contact' }).click();
    await eventually(() => heading(page).textContent()).toBe('Alan Turing');

    await openSection(page, 'Contacts');
    await eventually(() => namesIn(page, 'Contacts without an organization')).toEqual(['Alan Turing']);
    expect(await namesIn(page, 'Contacts at Initech')).toEqual([]);
    const group = unassignedGroup(page);
    expect(
      await group
        .getByText('cannot be invited to the Client Portal until they belong to an organization')
        .isVisible(),
    ).toBe(true);
    await eventually(() => group.getByText('Not invited').isVisible()).toBe(true);
    await capture(page, 'recruiter-contacts-no-organization');

    // The filter shows the group alone.
    await page.getByLabel('Show the contacts of').selectOption({ label: 'No organization' });
    await page.waitForURL('**/recruiter/contacts?organization=none');
    await eventually(() => namesIn(page, 'Contacts without an organization')).toEqual(['Alan Turing']);
    expect(await page.getByRole('region', { name: 'Initech' }).count()).toBe(0);
    await expectAccessible(page, 'contacts filtered to "No organization"');
    expect(desk.problems).toEqual([]);
  });

  it('B2 its profile says why it cannot be invited; "Assign an organization" moves it to Initech, and it becomes invitable', async () => {
    const { page } = desk;
    await unassignedGroup(page).getByRole('link', { name: 'Alan Turing' }).click();
    await eventually(() => heading(page).textContent()).toBe('Alan Turing');
    expect(await moreActions(page)).toEqual(['Edit contact', 'Delete contact']);
    await page.keyboard.press('Escape');
    await eventually(() =>
      page.getByText('Alan cannot be invited to the Client Portal yet').isVisible(),
    ).toBe(true);
    expect(
      await page
        .getByText('The contact belongs to no organization, and the portal shows an organization’s jobs.')
        .isVisible(),
    ).toBe(true);
    await expectAccessible(page, 'a contact without an organization');

    await page.getByRole('button', { name: 'Assign an organization' }).click();
    const organization = page.getByRole('combobox', { name: /^Organization/ });
    await eventually(() => organization.isVisible()).toBe(true);
    expect(await organization.inputValue()).toBe('');
    await organization.selectOption({ label: 'Initech' });
    await expectAccessible(page, 'assigning an organization');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await eventually(() => page.getByText('The contact was saved.').isVisible()).toBe(true);
    expect(await page.getByText('Alan cannot be invited to the Client Portal yet').count()).toBe(0);
    await eventually(() => page.getByRole('link', { name: 'Initech' }).isVisible()).toBe(true);
    expect(await moreActions(page)).toEqual(['Edit contact', 'Invite to Client Portal', 'Delete contact']);
    await page.keyboard.press('Escape');

    await openSection(page, 'Contacts');
    await eventually(() => namesIn(page, 'Contacts at Initech')).toEqual(['Alan Turing']);
    await eventually(() =>
      unassignedGroup(page).getByText('No contacts without an organization').isVisible(),
    ).toBe(true);
    expect(await page.getByRole('list', { name: 'Contacts without an organization' }).count()).toBe(0);

    // And invitable in fact: the invitation goes out.
    await page
      .getByRole('list', { name: 'Contacts at Initech' })
      .getByRole('link', { name: 'Alan Turing' })
      .click();
    await eventually(() => heading(page).textContent()).toBe('Alan Turing');
    await moreActions(page);
    await page.getByRole('menuitem', { name: 'Invite to Client Portal' }).click();
    await eventually(() => page.getByText(`Invitation sent to alan@${who.accountId}.test.`).isVisible()).toBe(
      true,
    );
    expect(desk.problems).toEqual([]);
  });

  it('says so in words when the contacts without an organization cannot be loaded', async () => {
    const other = await newPerson(browser());
    try {
      const { page } = other;
      await page.route(
        (url) => url.pathname === '/crm/contacts' && url.searchParams.get('organization') === 'none',
        (route) =>
          route.fulfill({
            status: 503,
            contentType: 'application/json',
            body: JSON.stringify({
              error: { code: 'unavailable', message: 'The service is busy; try again shortly.' },
            }),
          }),
      );
      await signInLocally(page, who, '/recruiter/contacts');
      const alert = unassignedGroup(page).getByRole('alert');
      await eventually(() => alert.count()).toBe(1);
      expect(await alert.textContent()).toContain('The contacts without an organization could not be loaded');
      expect(await alert.textContent()).toContain('The service is busy; try again shortly.');
      // The organizations' groups still show.
      await eventually(() => namesIn(page, 'Contacts at Initech')).toEqual(['Alan Turing']);
      await expectAccessible(page, 'the "No organization" group failed to load');
    } finally {
      await other.context.close();
    }
  });
});
