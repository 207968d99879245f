import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, enablePortal, recruiterToken } from '../support/api.ts';
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
 * keyboard alone, re-send and revoke, revoke access, delete with its warning, organization delete
 * with its counts, read-only settings for a recruiter, and an expired sign-in.
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
    expect(await focusedLabel(page)).toBe('More actions');
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
    expect(await page.getByRole('region', { name: 'Client Portal access' }).textContent()).toContain(
      'Not invited',
    );
    expect(await focusedLabel(page)).toBe('More actions');
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
    expect(await page.getByText('Cleo already uses the Client Portal.').isVisible()).toBe(true);
    expect(await moreActions(page)).toEqual(['Edit contact', 'Revoke portal access', 'Delete contact']);
    await page.getByRole('menuitem', { name: 'Revoke portal access' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke the portal access of Cleo Client?' });
    await eventually(() => dialog.isVisible()).toBe(true);
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
    await page.getByRole('link', { name: 'Umbrella' }).click();
    await eventually(() => heading(page).textContent()).toBe('Umbrella');
    await eventually(() =>
      page.getByRole('list', { name: 'Contacts at Umbrella' }).getByRole('listitem').count(),
    ).toBe(4);
    await capture(page, 'recruiter-organization');
    await page.getByRole('button', { name: 'Rename' }).click();
    await page.getByRole('textbox', { name: 'Name' }).fill('Umbrella Corp');
    await page.getByRole('button', { name: 'Save name' }).click();
    await eventually(() => heading(page).textContent()).toBe('Umbrella Corp');
    expect(await page.getByText('The organization is now called Umbrella Corp.').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Delete organization' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Umbrella Corp?' });
    await eventually(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain(
      '4 contacts of Umbrella Corp will be deleted with it. 2 portal users lose access to the Client Portal at once. 1 pending invitation stops working.',
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
    expect(await page.getByText('No one is told of client actions').isVisible()).toBe(true);
    await capture(page, 'recruiter-settings-read-only');
    expect(person.problems).toEqual([]);
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
