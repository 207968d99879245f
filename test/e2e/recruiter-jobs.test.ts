import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/data/keys.ts';
import { api, enablePortal, recruiterToken, tableName, testDb } from '../support/api.ts';
import { portalApi, signedInClient, type Agency, type SignedIn } from '../support/portal.ts';
import { capture, expectAccessible, browserForFile, newPerson, type Person } from './support/browser.ts';
import { newRecruiter, openSection, signInLocally } from './support/recruiter.ts';

/**
 * §4 of the recruiter console in Chromium against the local stack: a job created in the browser,
 * shared once the refusals (in words) are fixed, its allowed stages edited, its pipeline with client
 * and internal remarks, a recruiter remark that reaches the client, and the delete warning; then
 * Unshare, the refusal for a primary contact outside the organization, and the warning of the job
 * form when the organization changes.
 */
const browser = browserForFile();

/** A bounded wait, roomy enough for a loaded machine (vitest's default is 1 s). */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000 });
const focusedText = (page: Page) => page.evaluate<string | undefined>('document.activeElement?.textContent');
const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const shareRegion = (page: Page) => page.getByRole('region', { name: 'Client Portal' });
const stagesGroup = (page: Page) =>
  page.getByRole('group', { name: 'Stages a client may move candidates into' });

describe('jobs in the recruiter console', () => {
  const recruiter = newRecruiter({ name: 'Rita Recruiter' });
  let token: string;
  let agency: Agency;
  let client: SignedIn;
  let desk: Person;
  let jobId: string;

  beforeAll(async () => {
    token = await recruiterToken({ accountId: recruiter.accountId, email: recruiter.email, role: 'admin' });
    const org = await api('POST', '/crm/organizations', { token, body: { name: 'Globex' } });
    agency = { accountId: recruiter.accountId, token, orgId: org.json.id };
    desk = await newPerson(browser());
  });
  afterAll(async () => desk?.context.close());

  it('lists no jobs yet and says how to start', async () => {
    const { page } = desk;
    await signInLocally(page, recruiter, '/recruiter/jobs');
    await poll(() => heading(page).textContent()).toBe('Jobs');
    await poll(() => page.getByText('No jobs yet').isVisible()).toBe(true);
    await expectAccessible(page, 'jobs, empty');
  });

  it('creates a job in the browser, with the form checking the rules first', async () => {
    const { page } = desk;
    await page.getByRole('button', { name: 'New job' }).click();
    const form = page.getByRole('form', { name: 'New job' });
    await form.getByRole('button', { name: 'Create job' }).click();
    await poll(() => form.getByText('Enter the title.').isVisible()).toBe(true);
    await poll(() => form.getByText('Choose the organization the job is for.').isVisible()).toBe(true);
    await expectAccessible(page, 'new job form with errors');

    await form.getByLabel('Title').fill('Senior Data Engineer');
    await form
      .getByLabel('Description')
      .fill('Build and run the data platform of the Globex analytics team.');
    await form.getByLabel('Organization').selectOption({ label: 'Globex' });
    await form.getByLabel('Location').fill('Berlin or remote');
    // A new job's default: clients may shortlist, interview and reject (B12).
    for (const [stage, on] of [
      ['Submitted', false],
      ['Shortlisted', true],
      ['Interview', true],
      ['Offer', false],
      ['Hired', false],
      ['Rejected', true],
    ] as const)
      expect(await stagesGroup(page).getByRole('checkbox', { name: stage }).isChecked()).toBe(on);
    await capture(page, 'recruiter-job-new');
    await form.getByRole('button', { name: 'Create job' }).click();
    await poll(() => heading(page).textContent()).toBe('Senior Data Engineer');
    jobId = new URL(page.url()).pathname.split('/').pop() ?? '';
    const job = await api('GET', `/crm/jobs/${jobId}`, { token });
    expect(job.json).toMatchObject({
      title: 'Senior Data Engineer',
      organizationId: agency.orgId,
      primaryContactId: null,
      location: 'Berlin or remote',
      sharedToPortal: false,
      clientAllowedStages: ['shortlisted', 'interview', 'rejected'],
    });
  });

  it('B10 B1 sharing is refused with the reasons in words, and works once they are fixed', async () => {
    const { page } = desk;
    const region = shareRegion(page);
    await poll(() => region.getByText('Not shared').isVisible()).toBe(true);

    await region.getByRole('button', { name: 'Share to Client Portal' }).click();
    const alert = region.getByRole('alert');
    await poll(() => alert.textContent()).toContain('Switch the Client Portal add-on on in Settings.');
    await poll(() => alert.getByRole('link', { name: 'Open Settings' }).isVisible()).toBe(true);
    await capture(page, 'recruiter-job-share-portal-off');

    await enablePortal(token, {
      portalName: 'Acme Recruiting',
      notificationEmail: `desk@${recruiter.accountId}.test`,
    });
    await region.getByRole('button', { name: 'Share to Client Portal' }).click();
    await poll(() => alert.textContent()).toContain('Choose a primary contact');
    expect(await alert.textContent()).not.toContain('Settings');
    await capture(page, 'recruiter-job-share-refused');

    client = await signedInClient(agency);
    await page.getByRole('button', { name: 'Edit job' }).click();
    const form = page.getByRole('form', { name: 'Edit Senior Data Engineer' });
    await poll(() => form.getByRole('option', { name: 'Cleo Client' }).count()).toBe(1);
    await form.getByLabel('Primary contact').selectOption({ label: 'Cleo Client' });
    await form.getByRole('button', { name: 'Save changes' }).click();
    await poll(() => page.getByText('Changes saved.').isVisible()).toBe(true);
    await poll(() => page.getByRole('link', { name: 'Cleo Client' }).isVisible()).toBe(true);

    await region.getByRole('button', { name: 'Share to Client Portal' }).click();
    await poll(() => region.getByRole('status').textContent()).toContain('Shared.');
    expect(await region.getByRole('alert').count()).toBe(0);
    await poll(() => region.getByRole('button', { name: 'Unshare' }).isVisible()).toBe(true);
    const seen = await portalApi('GET', `/portal/jobs/${jobId}`, { cookie: client.cookie });
    expect(seen.status).toBe(200);

    await openSection(page, 'Jobs');
    const card = page.getByRole('list', { name: 'Jobs' }).getByRole('listitem');
    await poll(() => card.textContent()).toContain('Shared to the Client Portal');
    expect(await card.textContent()).toContain('Globex');
    expect(await card.textContent()).toContain('Open');
    await capture(page, 'recruiter-jobs');
    await page.getByRole('link', { name: 'Senior Data Engineer' }).click();
    await poll(() => heading(page).textContent()).toBe('Senior Data Engineer');
  });

  it('B12 the stages a client may use are edited as a labelled group of checkboxes', async () => {
    const { page } = desk;
    await page.getByRole('button', { name: 'Edit job' }).click();
    const group = stagesGroup(page);
    await group.getByRole('checkbox', { name: 'Offer' }).check();
    await group.getByRole('checkbox', { name: 'Rejected' }).uncheck();
    await capture(page, 'recruiter-job-edit');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await poll(() => page.getByText('Changes saved.').isVisible()).toBe(true);
    await poll(() => page.getByText('Shortlisted, Interview, Offer').isVisible()).toBe(true);
    const job = await api('GET', `/crm/jobs/${jobId}`, { token });
    expect(job.json.clientAllowedStages).toEqual(['shortlisted', 'interview', 'offer']);
    expect(job.json.sharedToPortal).toBe(true);
  });

  it('B12 the pipeline shows client and internal remarks, each marked, with who wrote them', async () => {
    const candidate = await api('POST', '/crm/candidates', {
      token,
      body: { firstName: 'Ada', lastName: 'Lovelace', headline: 'Data engineer, 8 years of Spark' },
    });
    const submission = await api('POST', `/crm/jobs/${jobId}/submissions`, {
      token,
      body: { candidateId: candidate.json.id },
    });
    expect(submission.status).toBe(201);
    const move = await portalApi('POST', `/portal/jobs/${jobId}/candidates/${submission.json.id}/moves`, {
      cookie: client.cookie,
      body: { stage: 'shortlisted', remark: 'Strong profile, we would like to meet her.' },
    });
    expect(move.status).toBe(201);

    const { page } = desk;
    // The session lives in memory only: opening the address anew means signing in again.
    await signInLocally(page, recruiter, `/recruiter/jobs/${jobId}`);
    const ada = page.getByRole('article', { name: 'Ada Lovelace' });
    await poll(() => ada.textContent()).toContain('Strong profile, we would like to meet her.');
    await poll(() => page.getByRole('heading', { name: 'Shortlisted (1)' }).isVisible()).toBe(true);
    const clientEntry = ada.getByRole('listitem').filter({ hasText: 'Strong profile' });
    expect(await clientEntry.textContent()).toContain('Cleo Client (client)');
    expect(await clientEntry.textContent()).toContain('Moved from Submitted to Shortlisted');
    expect(await clientEntry.textContent()).toContain('Visible to the client');

    await ada.getByRole('button', { name: 'Add a remark' }).click();
    const remarkForm = page.getByRole('form', { name: 'Remark on Ada Lovelace' });
    expect(await remarkForm.getByRole('radio', { name: 'Internal' }).isChecked()).toBe(true);
    await remarkForm.getByRole('button', { name: 'Add remark' }).click();
    await poll(() => remarkForm.getByText('Enter the remark.').isVisible()).toBe(true);
    await remarkForm.getByLabel('Remark').fill('Salary expectations are above the budget.');
    await capture(page, 'recruiter-job-remark');
    await remarkForm.getByRole('button', { name: 'Add remark' }).click();
    await poll(() => ada.getByRole('status').textContent()).toContain('Remark added to Ada Lovelace.');
    const internalEntry = ada.getByRole('listitem').filter({ hasText: 'Salary expectations' });
    await poll(() => internalEntry.textContent()).toContain('Rita Recruiter (recruiter)');
    expect(await internalEntry.textContent()).toContain('Internal');

    await ada.getByRole('button', { name: 'Move candidate' }).click();
    const moveForm = page.getByRole('form', { name: 'Move Ada Lovelace' });
    await poll(() => moveForm.isVisible()).toBe(true);
    await expectAccessible(page, 'the move form');
    // A recruiter may move into any stage, even those the client may not use.
    expect(await moveForm.getByRole('option').allTextContents()).toEqual([
      'Choose a stage',
      'Submitted',
      'Interview',
      'Offer',
      'Hired',
      'Rejected',
    ]);
    await moveForm.getByLabel('New stage').selectOption({ label: 'Interview' });
    await moveForm.getByLabel('Remark').fill('Interview on Tuesday at 10:00 with the team lead.');
    await moveForm.getByRole('radio', { name: 'Visible to the client' }).check();
    await moveForm.getByRole('button', { name: 'Move candidate' }).click();
    const pipeline = page.getByRole('region', { name: 'Candidate pipeline' });
    await poll(() => pipeline.getByRole('status').textContent()).toContain(
      'Ada Lovelace moved to Interview.',
    );
    // The card moved to another stage: focus waits with the news at the top of the pipeline.
    expect(await focusedText(page)).toBe('Ada Lovelace moved to Interview.');
    await poll(() => page.getByRole('heading', { name: 'Interview (1)' }).isVisible()).toBe(true);
    await capture(page, 'recruiter-job');

    const portal = await portalApi('GET', `/portal/jobs/${jobId}/candidates`, { cookie: client.cookie });
    const remarks = portal.json.items[0].remarks as { text: string; by: { type: string; name: string } }[];
    const texts = remarks.map((r) => r.text);
    expect(texts).toContain('Interview on Tuesday at 10:00 with the team lead.');
    expect(texts).not.toContain('Salary expectations are above the budget.');
    const recruiterRemark = remarks.find((r) => r.text.startsWith('Interview on Tuesday'));
    expect(recruiterRemark?.by).toEqual({ type: 'recruiter', name: 'Rita Recruiter' });
  });

  it('B18 deleting a job warns that it leaves the portal with its pipeline', async () => {
    const { page } = desk;
    await page.getByRole('button', { name: 'Delete job' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete “Senior Data Engineer”?' });
    await poll(() => dialog.isVisible()).toBe(true);
    const warning = await dialog.textContent();
    expect(warning).toContain('The job leaves the Client Portal with its pipeline');
    expect(warning).toContain('Globex will no longer see it, its 1 candidate or any remark about them.');
    await capture(page, 'recruiter-job-delete');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await dialog.isVisible()).toBe(false);
    expect(await focusedText(page)).toBe('Delete job'); // focus is back on the opener

    await page.getByRole('button', { name: 'Delete job' }).click();
    await dialog.getByRole('button', { name: 'Delete job' }).click();
    await poll(() => heading(page).textContent()).toBe('Jobs');
    await poll(() => page.getByText('No jobs yet').isVisible()).toBe(true);
    expect((await api('GET', `/crm/jobs/${jobId}`, { token })).status).toBe(404);
    await poll(
      async () => (await portalApi('GET', `/portal/jobs/${jobId}`, { cookie: client.cookie })).status,
    ).toBe(404);
    expect(desk.problems).toEqual([]);
  });
});

describe('unsharing and the other refusals', () => {
  const recruiter = newRecruiter({ name: 'Una Unsharer' });
  let token: string;
  let agency: Agency;
  let initechId: string;
  let client: SignedIn;
  let desk: Person;
  let jobId: string;

  beforeAll(async () => {
    token = await recruiterToken(recruiter);
    await enablePortal(token, { portalName: 'Acme Recruiting' });
    const globex = await api('POST', '/crm/organizations', { token, body: { name: 'Globex' } });
    const initech = await api('POST', '/crm/organizations', { token, body: { name: 'Initech' } });
    initechId = initech.json.id;
    agency = { accountId: recruiter.accountId, token, orgId: globex.json.id };
    client = await signedInClient(agency);
    const job = await api('POST', '/crm/jobs', {
      token,
      body: {
        title: 'Site Reliability Engineer',
        description: 'Keep the Globex platform up.',
        organizationId: agency.orgId,
        primaryContactId: client.contactId,
      },
    });
    jobId = job.json.id;
    expect((await api('PUT', `/crm/jobs/${jobId}/portal-share`, { token })).status).toBe(200);
    desk = await newPerson(browser());
  });
  afterAll(async () => desk?.context.close());

  it("B10 Unshare takes the job out of the client's portal: the console says so, and the list reads Not shared", async () => {
    const { page } = desk;
    expect((await portalApi('GET', `/portal/jobs/${jobId}`, { cookie: client.cookie })).status).toBe(200);
    await signInLocally(page, recruiter, `/recruiter/jobs/${jobId}`);
    const region = shareRegion(page);
    await poll(() => region.textContent()).toContain('Shared: every portal user of Globex sees this job');
    await region.getByRole('button', { name: 'Unshare' }).click();
    await poll(() => region.getByRole('status').textContent()).toContain(
      'Unshared. Globex no longer sees this job in the Client Portal.',
    );
    expect(await region.textContent()).toContain(
      'Not shared: Globex does not see this job in the Client Portal.',
    );
    await poll(() => region.getByRole('button', { name: 'Share to Client Portal' }).isVisible()).toBe(true);
    await capture(page, 'recruiter-job-unshared');
    expect((await portalApi('GET', `/portal/jobs/${jobId}`, { cookie: client.cookie })).status).toBe(404);
    const listed = await portalApi('GET', '/portal/jobs', { cookie: client.cookie });
    expect(listed.status).toBe(200);
    expect((listed.json.items as { id: string }[]).map((j) => j.id)).not.toContain(jobId);
    expect((await api('GET', `/crm/jobs/${jobId}`, { token })).json.sharedToPortal).toBe(false);

    await openSection(page, 'Jobs');
    const card = page.getByRole('list', { name: 'Jobs' }).getByRole('listitem');
    await poll(() => card.textContent()).toContain('Not shared');
    expect(await card.textContent()).not.toContain('Shared to the Client Portal');
    await expectAccessible(page, 'jobs, one not shared');
    await page.getByRole('link', { name: 'Site Reliability Engineer' }).click();
    await poll(() => heading(page).textContent()).toBe('Site Reliability Engineer');
  });

  it("B10 a primary contact outside the job's organization is refused in words, and choosing one of its contacts fixes it", async () => {
    const { page } = desk;
    const outsider = await api('POST', '/crm/contacts', {
      token,
      body: { firstName: 'Otis', lastName: 'Outsider', organizationId: initechId },
    });
    expect(outsider.status).toBe(201);
    // Data from before the rule, or a move whose release has not reached the job yet: the job names
    // a contact of another organization.
    await testDb().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.job(recruiter.accountId, jobId),
        UpdateExpression: 'SET primaryContactId = :contact, GSI3PK = :byContact, GSI3SK = :job',
        ExpressionAttributeValues: {
          ':contact': outsider.json.id,
          ':byContact': keys.jobsOfPrimaryContact(recruiter.accountId, outsider.json.id).GSI3PK,
          ':job': jobId,
        },
      }),
    );
    await signInLocally(page, recruiter, `/recruiter/jobs/${jobId}`);
    await poll(() => page.getByRole('link', { name: 'Otis Outsider' }).isVisible()).toBe(true);
    const region = shareRegion(page);
    await region.getByRole('button', { name: 'Share to Client Portal' }).click();
    const alert = region.getByRole('alert');
    await poll(() => alert.textContent()).toContain(
      "The primary contact must belong to the job's organization: edit the job and choose one of its contacts.",
    );
    expect(await alert.textContent()).toContain('This job cannot be shared yet');
    expect(await alert.getByRole('link', { name: 'Open Settings' }).count()).toBe(0);
    await capture(page, 'recruiter-job-share-contact-elsewhere');

    await page.getByRole('button', { name: 'Edit job' }).click();
    const form = page.getByRole('form', { name: 'Edit Site Reliability Engineer' });
    await poll(() => form.getByRole('option', { name: 'Cleo Client' }).count()).toBe(1);
    await form.getByLabel('Primary contact').selectOption({ label: 'Cleo Client' });
    await form.getByRole('button', { name: 'Save changes' }).click();
    await poll(() => page.getByText('Changes saved.').isVisible()).toBe(true);
    await region.getByRole('button', { name: 'Share to Client Portal' }).click();
    await poll(() => region.getByRole('status').textContent()).toContain('Shared.');
    expect(await region.getByRole('alert').count()).toBe(0);
    expect((await portalApi('GET', `/portal/jobs/${jobId}`, { cookie: client.cookie })).status).toBe(200);
  });

  it('B10 the job form warns that changing the organization takes a shared job out of the portal', async () => {
    const { page } = desk;
    await page.getByRole('button', { name: 'Edit job' }).click();
    const form = page.getByRole('form', { name: 'Edit Site Reliability Engineer' });
    const notice = form.getByText('Changing the organization takes this job out of the Client Portal');
    expect(await notice.count()).toBe(0);
    await form.getByLabel('Organization').selectOption({ label: 'Initech' });
    await poll(() => notice.isVisible()).toBe(true);
    await expectAccessible(page, 'the job form, changing the organization of a shared job');
    await form.getByRole('button', { name: 'Cancel' }).click();
    expect((await api('GET', `/crm/jobs/${jobId}`, { token })).json).toMatchObject({
      organizationId: agency.orgId,
      sharedToPortal: true,
    });
    expect(desk.problems).toEqual([]);
  });
});
