import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, linkIn, mailsTo, waitForMail, type StoredMail } from '../support/api.ts';
import { invitedContact, newAgency, type Agency, type Invited } from '../support/portal.ts';
import { capture, expectAccessible, browserForFile, newPerson, type Person } from './support/browser.ts';

/**
 * The seed's client story, as a hiring manager lives it, in Chromium against the local stack:
 * the invitation e-mail → sign-up → the shared job → a candidate moved with a remark → requisitions
 * created, edited, withdrawn, one approved into a job → log out → log in by e-mailed link → access
 * removed by the recruiter, and the next action says so.
 */
const browser = browserForFile();

interface Story {
  agency: Agency;
  invited: Invited;
  jobId: string;
  otherOrgId: string;
}

async function recruiterPreparesTheStory(): Promise<Story> {
  const agency = await newAgency('Northwind Talent');
  await api('PATCH', `/crm/organizations/${agency.orgId}`, { token: agency.token, body: { name: 'Globex' } });
  const invited = await invitedContact(agency);
  const job = await api('POST', '/crm/jobs', {
    token: agency.token,
    body: {
      title: 'Senior Data Engineer',
      description: 'Build and run the data platform of the Globex analytics team.',
      organizationId: agency.orgId,
      primaryContactId: invited.contactId,
      location: 'Berlin or remote',
    },
  });
  expect(job.status).toBe(201);
  expect((await api('PUT', `/crm/jobs/${job.json.id}/portal-share`, { token: agency.token })).status).toBe(
    200,
  );
  for (const [firstName, lastName, headline] of [
    ['Ada', 'Lovelace', 'Data engineer, 8 years of Spark and Kafka'],
    ['Alan', 'Turing', 'Platform engineer, streaming systems'],
  ] as const) {
    const candidate = await api('POST', '/crm/candidates', {
      token: agency.token,
      body: { firstName, lastName, headline, summary: `${firstName} led two platform migrations.` },
    });
    await api('POST', `/crm/jobs/${job.json.id}/submissions`, {
      token: agency.token,
      body: { candidateId: candidate.json.id },
    });
  }
  const other = await api('POST', '/crm/organizations', { token: agency.token, body: { name: 'Initech' } });
  return { agency, invited, jobId: job.json.id, otherOrgId: other.json.id };
}

async function invitationLink(email: string): Promise<string> {
  const mail = (await mailsTo(email)).find((m) => m.body.text.includes('/signup?token='));
  const link = mail && linkIn(mail, '/signup');
  if (!link) throw new Error('no invitation e-mail');
  return link.toString();
}

const candidateCard = (page: Page, name: string) => page.getByRole('article', { name });

describe('the client story in the browser', () => {
  let story: Story;
  let person: Person;
  beforeAll(async () => {
    story = await recruiterPreparesTheStory();
    person = await newPerson(browser());
  });
  afterAll(async () => person?.context.close());

  it('B5 the invitation link opens the sign-up page, and joining lands in /app with the shared job', async () => {
    const { page } = person;
    await page.goto(await invitationLink(story.invited.email));
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe("Join Northwind Talent's Client Portal");
    await expect.poll(() => page.getByText('Globex').first().isVisible()).toBe(true);
    expect(await page.getByText(story.invited.email).isVisible()).toBe(true);
    await capture(page, 'signup');

    await page.getByLabel('First name').fill('Cleo');
    await page.getByLabel('Last name').fill('Hiring');
    await page.getByLabel('Job title').fill('Head of Data');
    await page.getByRole('button', { name: 'Join Client Portal' }).click();
    await page.waitForURL('**/app/jobs');
    await expect.poll(() => page.getByRole('link', { name: 'Senior Data Engineer' }).isVisible()).toBe(true);
    const header = page.getByRole('banner');
    expect(await header.getByText('Northwind Talent').isVisible()).toBe(true);
    expect(await header.getByText('Client Portal for Globex').isVisible()).toBe(true);
    expect(await header.getByText('Cleo Hiring').isVisible()).toBe(true);
    expect(
      await page.getByRole('navigation', { name: 'Portal' }).getByRole('link').allTextContents(),
    ).toEqual(['Jobs', 'Requisitions']);
    await capture(page, 'jobs');
  });

  it('B11 B12 the job page shows the pipeline; a move offers only the allowed stages and keeps the remark', async () => {
    const { page } = person;
    await page.getByRole('link', { name: 'Senior Data Engineer' }).click();
    await page.waitForURL(`**/app/jobs/${story.jobId}`);
    const ada = candidateCard(page, 'Ada Lovelace');
    await expect.poll(() => ada.isVisible()).toBe(true);
    expect(await ada.getByText('Data engineer, 8 years of Spark and Kafka').isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: /Submitted \(2\)/ }).isVisible()).toBe(true);
    await capture(page, 'job-pipeline');

    await ada.getByRole('button', { name: 'Move candidate' }).click();
    const stage = ada.getByLabel('New stage');
    // The job allows the SPEC's default client stages only: never offer, hired or submitted.
    expect(await stage.locator('option').allTextContents()).toEqual([
      'Choose a stage',
      'Shortlisted',
      'Interview',
      'Rejected',
    ]);
    await stage.selectOption({ label: 'Interview' });
    await ada
      .getByLabel('Remark (optional)')
      .fill('Strong on streaming; please invite for a first interview.');
    await capture(page, 'job-move-form');
    await ada.getByRole('button', { name: 'Move candidate' }).last().click();
    await expect.poll(() => page.getByText('Ada Lovelace moved to Interview.').isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: /Interview \(1\)/ }).isVisible()).toBe(true);
    const moved = candidateCard(page, 'Ada Lovelace');
    await moved.getByText(/History and remarks/).click();
    expect(await moved.getByText('Moved from Submitted to Interview').isVisible()).toBe(true);
    expect(
      await moved.getByText('Strong on streaming; please invite for a first interview.').isVisible(),
    ).toBe(true);

    // The recruiter sees the client's move and remark (B12).
    const recruiterView = await api('GET', `/crm/jobs/${story.jobId}/submissions`, {
      token: story.agency.token,
    });
    const entry = recruiterView.json.items.find(
      (s: { candidate: { name: string } }) => s.candidate.name === 'Ada Lovelace',
    );
    expect(entry.stage).toBe('interview');
    expect(entry.remarks.at(-1)).toMatchObject({
      stageTo: 'interview',
      visibility: 'client',
      by: { type: 'client' },
    });
  });

  it('B12 a remark on its own is added to the history', async () => {
    const { page } = person;
    const alan = candidateCard(page, 'Alan Turing');
    await alan.getByRole('button', { name: 'Add a remark' }).click();
    await alan.getByRole('button', { name: 'Add remark' }).click();
    await expect.poll(() => alan.getByText('Enter the remark.').isVisible()).toBe(true);
    await expectAccessible(page, 'remark form with an error');
    await alan.getByLabel('Remark', { exact: true }).fill('Could we see his notice period?');
    await alan.getByRole('button', { name: 'Add remark' }).click();
    await expect.poll(() => page.getByText('Remark added.').isVisible()).toBe(true);
    await alan.getByText(/History and remarks/).click();
    expect(await alan.getByText('Could we see his notice period?').isVisible()).toBe(true);
  });

  it('B12 a move the recruiter no longer allows shows a message and the true state', async () => {
    const { page } = person;
    const alan = candidateCard(page, 'Alan Turing');
    await alan.getByRole('button', { name: 'Move candidate' }).click();
    await alan.getByLabel('New stage').selectOption({ label: 'Shortlisted' });
    // Meanwhile the recruiter narrows the stages a client may choose.
    await api('PATCH', `/crm/jobs/${story.jobId}`, {
      token: story.agency.token,
      body: { clientAllowedStages: ['rejected'] },
    });
    await alan.getByRole('button', { name: 'Move candidate' }).last().click();
    await expect
      .poll(() => alan.getByRole('alert').textContent())
      .toMatch(/does not allow moving candidates to that stage/);
    await expectAccessible(page, 'a refused move');
    await api('PATCH', `/crm/jobs/${story.jobId}`, {
      token: story.agency.token,
      body: { clientAllowedStages: ['shortlisted', 'interview', 'rejected'] },
    });
  });

  it('B13 a requisition is created (field errors from the API rules first), edited and withdrawn', async () => {
    const { page } = person;
    await page
      .getByRole('navigation', { name: 'Portal' })
      .getByRole('link', { name: 'Requisitions' })
      .click();
    await expect.poll(() => page.getByText('No requisitions from Globex yet').isVisible()).toBe(true);
    await capture(page, 'requisitions-empty');
    await page.getByRole('link', { name: 'New requisition' }).click();
    await page.waitForURL('**/app/requisitions/new');
    await page.getByLabel('Openings').fill('0');
    await page.getByRole('button', { name: 'Submit requisition' }).click();
    await expect.poll(() => page.getByText('Enter the title.').isVisible()).toBe(true);
    expect(await page.getByText('Openings must be at least 1.').isVisible()).toBe(true);
    expect(await page.getByLabel('Title', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await capture(page, 'requisition-form-errors');

    await page.getByLabel('Title', { exact: true }).fill('Data Analyst');
    await page.getByLabel('Description').fill('Own the weekly reporting of the sales team.');
    await page.getByLabel('Qualifications').fill('SQL, dashboards, a calm head.');
    await page.getByLabel('Location').fill('Berlin');
    await page.getByLabel('Employment type').selectOption({ label: 'Part-time' });
    await page.getByLabel('Openings').fill('2');
    await page.getByLabel('Minimum salary').fill('50000');
    await page.getByLabel('Maximum salary').fill('40000');
    await page.getByLabel('Currency').fill('eur');
    await page.getByRole('button', { name: 'Submit requisition' }).click();
    await expect
      .poll(() => page.getByText('The minimum salary must not be more than the maximum salary.').isVisible())
      .toBe(true);
    await page.getByLabel('Maximum salary').fill('65000');
    await page.getByRole('button', { name: 'Submit requisition' }).click();
    await page.waitForURL('**/app/requisitions');
    const card = page.getByRole('article', { name: 'Data Analyst' });
    await expect.poll(() => card.getByText('Pending review').isVisible()).toBe(true);

    await card.getByRole('link', { name: 'Edit Data Analyst' }).click();
    await expect.poll(() => page.getByLabel('Title', { exact: true }).inputValue()).toBe('Data Analyst');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Edit requisition');
    await capture(page, 'requisition-edit');
    await page.getByLabel('Title', { exact: true }).fill('Senior Data Analyst');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL('**/app/requisitions');
    const edited = page.getByRole('article', { name: 'Senior Data Analyst' });
    await expect.poll(() => edited.isVisible()).toBe(true);
    await capture(page, 'requisitions');

    await edited.getByRole('button', { name: 'Withdraw Senior Data Analyst' }).click();
    const dialog = page.getByRole('dialog', { name: 'Withdraw this requisition?' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await capture(page, 'requisition-withdraw-dialog');
    await dialog.getByRole('button', { name: 'Withdraw requisition' }).click();
    await expect.poll(() => edited.getByText('Withdrawn').isVisible()).toBe(true);
    expect(await edited.getByRole('button', { name: /Withdraw/ }).count()).toBe(0);
  });

  it('B14 a requisition the recruiter approves shows as a job; a rejected one shows the remarks', async () => {
    const { page } = person;
    for (const title of ['Backend Developer', 'Office Manager']) {
      await page.getByRole('link', { name: 'New requisition' }).click();
      await page.getByLabel('Title', { exact: true }).fill(title);
      await page.getByLabel('Description').fill(`We need a ${title.toLowerCase()}.`);
      await page.getByRole('button', { name: 'Submit requisition' }).click();
      await page.waitForURL('**/app/requisitions');
      await expect.poll(() => page.getByRole('article', { name: title }).isVisible()).toBe(true);
    }
    const pending = await api('GET', '/crm/requisitions?status=pending', { token: story.agency.token });
    const idOf = (title: string) => pending.json.items.find((r: { title: string }) => r.title === title).id;
    expect(
      (
        await api('POST', `/crm/requisitions/${idOf('Backend Developer')}/approve`, {
          token: story.agency.token,
        })
      ).status,
    ).toBe(200);
    await api('POST', `/crm/requisitions/${idOf('Office Manager')}/reject`, {
      token: story.agency.token,
      body: { remarks: 'We do not recruit office roles; try a temp agency.' },
    });
    await page.reload();
    const rejected = page.getByRole('article', { name: 'Office Manager' });
    await expect
      .poll(() => rejected.getByText('We do not recruit office roles; try a temp agency.').isVisible())
      .toBe(true);
    await capture(page, 'requisitions-reviewed');
    await page.getByRole('link', { name: 'View the job “Backend Developer”' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'Backend Developer' }).isVisible())
      .toBe(true);
    // A job made from a requisition starts with nobody in its pipeline, and says so.
    await expect.poll(() => page.getByText('No candidates submitted yet').isVisible()).toBe(true);
    await capture(page, 'job-empty-pipeline');
  });

  it('B7 log out, then log in again with the e-mailed link (the click, not the link, logs in)', async () => {
    const { page } = person;
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL('**/login?ended=logged_out');
    await expect.poll(() => page.getByText('You are logged out').isVisible()).toBe(true);
    await capture(page, 'login');
    const isLoginLink = (m: StoredMail) =>
      m.destination.to.includes(story.invited.email) && m.body.text.includes('/login/continue');
    const before = (await mailsTo(story.invited.email)).filter(isLoginLink).length;
    await page.getByLabel('Email').fill(story.invited.email);
    await page.getByRole('button', { name: 'Email me a login link' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Check your e-mail' }).isVisible()).toBe(true);
    await capture(page, 'login-check-email');

    const mail = await waitForMail(isLoginLink, { count: before + 1 });
    const link = linkIn(mail, '/login/continue');
    if (!link) throw new Error('no login link');
    await page.goto(link.toString());
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'Log in to Northwind Talent' }).isVisible())
      .toBe(true);
    await capture(page, 'login-continue');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL('**/app/jobs');
    await expect.poll(() => page.getByRole('link', { name: 'Senior Data Engineer' }).isVisible()).toBe(true);
  });

  it('B17 B19 once the recruiter moves the contact to another organization, the next action lands on /login saying access was removed', async () => {
    const { page } = person;
    const moved = await api('PATCH', `/crm/contacts/${story.invited.contactId}`, {
      token: story.agency.token,
      body: { organizationId: story.otherOrgId },
    });
    expect(moved.status).toBe(200);
    await page
      .getByRole('navigation', { name: 'Portal' })
      .getByRole('link', { name: 'Requisitions' })
      .click();
    await page.waitForURL('**/login?ended=access_removed');
    await expect
      .poll(() => page.getByText('Your access to the Client Portal was removed').isVisible())
      .toBe(true);
    expect(await page.getByText('ask your recruiter to invite you again').isVisible()).toBe(true);
    await capture(page, 'login-access-removed');
    expect(person.problems).toEqual([]);
  });
});
