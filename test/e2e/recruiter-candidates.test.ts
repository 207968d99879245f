import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, enablePortal, recruiterToken } from '../support/api.ts';
import { portalApi, signedInClient, type SignedIn } from '../support/portal.ts';
import { capture, expectAccessible, browserForFile, newPerson, type Person } from './support/browser.ts';
import { newRecruiter, openSection, signInLocally } from './support/recruiter.ts';

/**
 * §5 of the recruiter console in Chromium against the local stack: a candidate created in the
 * browser, submitted to a shared job (the client sees them), and deleted after a warning that they
 * leave every pipeline (B18).
 */
const browser = browserForFile();

/** A bounded wait, roomy enough for a loaded machine (vitest's default is 1 s). */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000 });
const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const card = (page: Page, name: string) => page.getByRole('article', { name });

describe('candidates in the recruiter console', () => {
  const recruiter = newRecruiter({ name: 'Rita Recruiter' });
  let token: string;
  let client: SignedIn;
  let jobId: string;
  let desk: Person;

  beforeAll(async () => {
    token = await recruiterToken(recruiter);
    await enablePortal(token, { portalName: 'Acme Recruiting' });
    const org = await api('POST', '/crm/organizations', { token, body: { name: 'Globex' } });
    client = await signedInClient({ accountId: recruiter.accountId, token, orgId: org.json.id });
    const job = await api('POST', '/crm/jobs', {
      token,
      body: {
        title: 'Platform Engineer',
        description: 'Run the Globex platform.',
        organizationId: org.json.id,
        primaryContactId: client.contactId,
      },
    });
    jobId = job.json.id;
    expect((await api('PUT', `/crm/jobs/${jobId}/portal-share`, { token })).status).toBe(200);
    desk = await newPerson(browser());
  });
  afterAll(async () => desk?.context.close());

  it('lists no candidates yet and says how to start', async () => {
    const { page } = desk;
    await signInLocally(page, recruiter, '/recruiter/candidates');
    await poll(() => heading(page).textContent()).toBe('Candidates');
    await poll(() => page.getByText('No candidates yet').isVisible()).toBe(true);
    await expectAccessible(page, 'candidates, empty');
  });

  it('creates a candidate, the form checking the rules first', async () => {
    const { page } = desk;
    await page.getByRole('button', { name: 'New candidate' }).click();
    const form = page.getByRole('form', { name: 'New candidate' });
    await form.getByRole('button', { name: 'Create candidate' }).click();
    await poll(() => form.getByText('Enter the first name.').isVisible()).toBe(true);
    expect(await form.getByText('Enter the last name.').isVisible()).toBe(true);
    await capture(page, 'recruiter-candidate-new-errors');

    await form.getByLabel('First name').fill('Ada');
    await form.getByLabel('Last name').fill('Lovelace');
    await form.getByLabel('E-mail').fill('ada@example.com');
    await form.getByLabel('Phone').fill('+44 20 7946 0000');
    await form.getByLabel('Headline').fill('Data engineer, 8 years of Spark and Kafka');
    await form.getByLabel('Summary').fill('Led two platform migrations at a payments company.');
    await capture(page, 'recruiter-candidate-new');
    await form.getByRole('button', { name: 'Create candidate' }).click();
    await poll(() => page.getByRole('status').first().textContent()).toContain('Ada Lovelace was added.');
    const ada = card(page, 'Ada Lovelace');
    await poll(() => ada.isVisible()).toBe(true);
    expect(await ada.textContent()).toContain('ada@example.com');
    const listed = await api('GET', '/crm/candidates', { token });
    expect(listed.json.items).toEqual([
      expect.objectContaining({
        firstName: 'Ada',
        lastName: 'Lovelace',
        email: 'ada@example.com',
        phone: '+44 20 7946 0000',
        headline: 'Data engineer, 8 years of Spark and Kafka',
        summary: 'Led two platform migrations at a payments company.',
      }),
    ]);
  });

  it('submits the candidate to a job; the client sees them, without e-mail or phone', async () => {
    const { page } = desk;
    const ada = card(page, 'Ada Lovelace');
    await ada.getByRole('button', { name: 'Submit to a job' }).click();
    const form = page.getByRole('form', { name: 'Submit Ada Lovelace to a job' });
    await form.getByRole('button', { name: 'Submit to job' }).click();
    await poll(() => form.getByText('Choose the job.').isVisible()).toBe(true);
    await poll(() => form.getByRole('option', { name: 'Platform Engineer — Globex' }).count()).toBe(1);
    await form.getByLabel('Job').selectOption({ label: 'Platform Engineer — Globex' });
    await capture(page, 'recruiter-candidate-submit');
    await form.getByRole('button', { name: 'Submit to job' }).click();
    await poll(() => ada.getByRole('status').textContent()).toContain(
      'Ada Lovelace was submitted to Platform Engineer.',
    );
    const portal = await portalApi('GET', `/portal/jobs/${jobId}/candidates`, { cookie: client.cookie });
    expect(portal.json.items).toHaveLength(1);
    expect(portal.json.items[0].candidate.name).toBe('Ada Lovelace');
    expect(portal.text).not.toContain('ada@example.com');

    await ada.getByRole('link', { name: 'Open the job' }).click();
    await poll(() => heading(page).textContent()).toBe('Platform Engineer');
    await poll(() => page.getByRole('article', { name: 'Ada Lovelace' }).isVisible()).toBe(true);
    await openSection(page, 'Candidates');
    await poll(() => card(page, 'Ada Lovelace').isVisible()).toBe(true);
    // Submitting again is refused in words.
    await ada.getByRole('button', { name: 'Submit to a job' }).click();
    await form.getByLabel('Job').selectOption({ label: 'Platform Engineer — Globex' });
    await form.getByRole('button', { name: 'Submit to job' }).click();
    await poll(() => form.getByRole('alert').textContent()).toContain(
      'This candidate is already in the pipeline of this job.',
    );
    await expectAccessible(page, 'submit refused: already in the pipeline');
    await form.getByRole('button', { name: 'Cancel' }).click();

    await capture(page, 'recruiter-candidates');
  });

  it('B18 deleting a candidate warns that they leave every pipeline, and they do', async () => {
    const { page } = desk;
    await card(page, 'Ada Lovelace').getByRole('button', { name: 'Delete Ada Lovelace' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Ada Lovelace?' });
    await poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain(
      'Ada Lovelace leaves every pipeline they were submitted to, with the remarks about them. Clients no longer see them in the Client Portal.',
    );
    await capture(page, 'recruiter-candidate-delete');
    await dialog.getByRole('button', { name: 'Delete candidate' }).click();
    await poll(() => page.getByRole('status').first().textContent()).toContain(
      'Ada Lovelace was deleted and left every pipeline.',
    );
    await poll(() => page.getByText('No candidates yet').isVisible()).toBe(true);
    expect((await api('GET', '/crm/candidates', { token })).json.items).toEqual([]);
    await poll(
      async () =>
        (await portalApi('GET', `/portal/jobs/${jobId}/candidates`, { cookie: client.cookie })).json.items
          .length,
    ).toBe(0);
    await poll(
      async () => (await api('GET', `/crm/jobs/${jobId}/submissions`, { token })).json.items,
    ).toEqual([]);
    await expectAccessible(page, 'candidates, after a delete');
    expect(desk.problems).toEqual([]);
  });
});
