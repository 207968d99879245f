import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, enablePortal, mailsTo, recruiterToken } from '../support/api.ts';
import { portalApi, signedInClient, type SignedIn } from '../support/portal.ts';
import { capture, expectAccessible, browserForFile, newPerson, type Person } from './support/browser.ts';
import { consoleNav, newRecruiter, openSection, signInLocally } from './support/recruiter.ts';

/**
 * §6 of the recruiter console in Chromium against the local stack: the clients' requisitions, pending
 * first with the count in the navigation; one approved into a shared job (linked), one rejected with
 * the remarks it requires (B14); the client sees both outcomes.
 */
const browser = browserForFile();

/** A bounded wait, roomy enough for a loaded machine (vitest's default is 1 s). */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000 });
const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const card = (page: Page, title: string) => page.getByRole('article', { name: title });
const navLink = (page: Page) => consoleNav(page).getByRole('link', { name: /Requisitions/ });

const request = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  description: `We need a ${title.toLowerCase()} for the analytics team.`,
  qualifications: 'Five years of experience.',
  location: 'Berlin',
  employmentType: 'full_time',
  openings: 2,
  salaryMin: 70_000,
  salaryMax: 90_000,
  currency: 'EUR',
  ...extra,
});

describe('an empty inbox', () => {
  it('B14 with no requisitions the inbox says what will appear there, and the navigation shows no count', async () => {
    const recruiter = newRecruiter();
    await enablePortal(await recruiterToken(recruiter), { portalName: 'Acme Recruiting' });
    const person = await newPerson(browser());
    const { page } = person;
    await signInLocally(page, recruiter, '/recruiter/requisitions');
    await poll(() => heading(page).textContent()).toBe('Requisitions');
    await poll(() => page.getByText('No requisitions yet').isVisible()).toBe(true);
    expect(
      await page
        .getByText('When a client asks for a new hire in the Client Portal, the request appears here.')
        .isVisible(),
    ).toBe(true);
    expect(await navLink(page).textContent()).toBe('Requisitions');
    await capture(page, 'recruiter-requisitions-empty');
    expect(person.problems).toEqual([]);
    await person.context.close();
  });
});

describe('requisitions in the recruiter console', () => {
  const recruiter = newRecruiter({ name: 'Rita Recruiter' });
  let token: string;
  let client: SignedIn;
  let desk: Person;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    token = await recruiterToken(recruiter);
    await enablePortal(token, {
      portalName: 'Acme Recruiting',
      notificationEmail: `desk@${recruiter.accountId}.test`,
    });
    const org = await api('POST', '/crm/organizations', { token, body: { name: 'Globex' } });
    client = await signedInClient({ accountId: recruiter.accountId, token, orgId: org.json.id });
    for (const title of ['Data Analyst', 'Office Manager', 'Intern']) {
      const created = await portalApi('POST', '/portal/requisitions', {
        cookie: client.cookie,
        body: request(
          title,
          title === 'Intern'
            ? { employmentType: 'internship', salaryMin: null, salaryMax: null, currency: null }
            : {},
        ),
      });
      expect(created.status).toBe(201);
      ids[title] = created.json.id;
    }
    const withdrawn = await portalApi('POST', `/portal/requisitions/${ids.Intern}/withdraw`, {
      cookie: client.cookie,
    });
    expect(withdrawn.status).toBe(200);
    desk = await newPerson(browser());
  });
  afterAll(async () => desk?.context.close());

  it('B14 the inbox lists pending requisitions first, with the count in the navigation and the details', async () => {
    const { page } = desk;
    await signInLocally(page, recruiter, '/recruiter/requisitions');
    await poll(() => heading(page).textContent()).toBe('Requisitions');
    await poll(() => navLink(page).textContent()).toBe('Requisitions2 pending');
    const list = page.getByRole('list', { name: 'Requisitions' });
    await poll(() => list.getByRole('article').count()).toBe(3);
    const titles = await list.getByRole('article').getByRole('heading', { level: 2 }).allTextContents();
    expect(titles.slice(2)).toEqual(['Intern']); // the withdrawn one after the pending ones
    expect(titles.slice(0, 2).sort()).toEqual(['Data Analyst', 'Office Manager']);

    const analyst = card(page, 'Data Analyst');
    const text = await analyst.textContent();
    expect(text).toContain('Pending review');
    expect(text).toContain('Globex');
    expect(text).toContain(`From Cleo Client (${client.email})`);
    expect(text).toContain('Full-time');
    expect(text).toContain('€70,000 – €90,000');
    await analyst.getByText('Description and qualifications').click();
    await poll(() => analyst.getByText('We need a data analyst for the analytics team.').isVisible()).toBe(
      true,
    );
    expect(await card(page, 'Intern').textContent()).toContain('The client withdrew this request.');
    expect(await card(page, 'Intern').getByRole('button').count()).toBe(0);
    await capture(page, 'recruiter-requisitions');

    await page.getByLabel('Show').selectOption({ label: 'Withdrawn' });
    await poll(() => new URL(page.url()).search).toBe('?status=withdrawn');
    await poll(() => list.getByRole('article').count()).toBe(1);
    expect(await list.getByRole('heading', { level: 2 }).textContent()).toBe('Intern');
    await expectAccessible(page, 'requisitions filtered: withdrawn');
    await page.getByLabel('Show').selectOption({ label: 'Pending review' });
    await poll(() => list.getByRole('article').count()).toBe(2);
  });

  it('B14 approving creates a shared job, linked from the inbox and seen by the client', async () => {
    const { page } = desk;
    await card(page, 'Data Analyst').getByRole('button', { name: 'Approve' }).click();
    const news = page.getByRole('status').filter({ hasText: 'Approved' });
    await poll(() => news.textContent()).toContain('“Data Analyst” is now a job, shared with Globex.');
    await poll(() => navLink(page).textContent()).toBe('Requisitions1 pending');
    const approved = await api('GET', '/crm/requisitions?status=approved', { token });
    const jobId = approved.json.items[0].jobId as string;
    expect(jobId).toBeTruthy();
    await expectAccessible(page, 'requisition approved');

    await news.getByRole('link', { name: 'Open the job' }).click();
    await poll(() => heading(page).textContent()).toBe('Data Analyst');
    expect(new URL(page.url()).pathname).toBe(`/recruiter/jobs/${jobId}`);
    await poll(() => page.getByRole('region', { name: 'Client Portal' }).textContent()).toContain('Shared:');
    const seen = await portalApi('GET', `/portal/jobs/${jobId}`, { cookie: client.cookie });
    expect(seen.status).toBe(200);

    await openSection(page, /Requisitions/);
    await page.getByLabel('Show').selectOption({ label: 'Approved' });
    const analyst = card(page, 'Data Analyst');
    await poll(() => analyst.textContent()).toContain('Became the job Data Analyst');
    expect(await analyst.getByRole('link', { name: 'Data Analyst' }).getAttribute('href')).toBe(
      `/recruiter/jobs/${jobId}`,
    );
  });

  it('B14 rejecting needs review remarks; the client reads them and is e-mailed', async () => {
    const { page } = desk;
    await page.getByLabel('Show').selectOption({ label: 'All, pending first' });
    const manager = card(page, 'Office Manager');
    await poll(() => manager.isVisible()).toBe(true);
    await manager.getByRole('button', { name: 'Reject' }).click();
    const form = page.getByRole('form', { name: 'Reject Office Manager' });
    await form.getByRole('button', { name: 'Reject requisition' }).click();
    await poll(() =>
      form.getByText('Write the review remarks: why the request is declined.').isVisible(),
    ).toBe(true);
    expect(await form.getByLabel('Review remarks').getAttribute('aria-invalid')).toBe('true');
    await capture(page, 'recruiter-requisition-reject');
    await form
      .getByLabel('Review remarks')
      .fill('We do not recruit office staff; we suggest a local agency.');
    await form.getByRole('button', { name: 'Reject requisition' }).click();
    const news = page.getByRole('status').filter({ hasText: 'Rejected' });
    await poll(() => news.textContent()).toContain(
      '“Office Manager” was rejected. Cleo Client is e-mailed your remarks.',
    );
    await poll(() => manager.getByRole('button').count()).toBe(0);
    expect(await manager.textContent()).toContain('Review remarks');
    expect(await manager.textContent()).toContain(
      'We do not recruit office staff; we suggest a local agency.',
    );
    await poll(() => navLink(page).textContent()).toBe('Requisitions');
    await capture(page, 'recruiter-requisitions-reviewed');
    await page.getByLabel('Show').selectOption({ label: 'Pending review' });
    await poll(() => page.getByText('No pending review requisitions').isVisible()).toBe(true);
    await expectAccessible(page, 'requisitions filtered: none pending');
    await page.getByLabel('Show').selectOption({ label: 'All, pending first' });

    const portal = await portalApi('GET', `/portal/requisitions/${ids['Office Manager']}`, {
      cookie: client.cookie,
    });
    expect(portal.json).toMatchObject({
      status: 'rejected',
      reviewRemarks: 'We do not recruit office staff; we suggest a local agency.',
    });
    await poll(async () =>
      (await mailsTo(client.email)).some((m) => m.body.text.includes('We do not recruit office staff')),
    ).toBe(true);
    expect(desk.problems).toEqual([]);
  });
});
