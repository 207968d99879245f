import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { api, stackInfo } from '../support/api.ts';
import { newAgency, portalApi, signedInClient, type Agency, type SignedIn } from '../support/portal.ts';
import { capture, browserForFile, newPerson, type Person } from './support/browser.ts';

/**
 * The portal's states between the happy paths — a list that cannot be loaded, one still loading —
 * and the portal used with the keyboard alone: move, remark, and the Withdraw dialog.
 */
const browser = browserForFile();

interface Client {
  agency: Agency;
  client: SignedIn;
  jobId: string;
}

/** An agency's client with a session, one shared job with two candidates and one pending requisition. */
async function clientWithAJob(): Promise<Client> {
  const agency = await newAgency('Northwind Talent');
  const client = await signedInClient(agency);
  const job = await api('POST', '/crm/jobs', {
    token: agency.token,
    body: {
      title: 'Platform Engineer',
      description: 'Run the platform.',
      organizationId: agency.orgId,
      primaryContactId: client.contactId,
      location: 'Remote',
    },
  });
  expect((await api('PUT', `/crm/jobs/${job.json.id}/portal-share`, { token: agency.token })).status).toBe(
    200,
  );
  for (const [firstName, lastName] of [
    ['Ada', 'Lovelace'],
    ['Alan', 'Turing'],
  ] as const) {
    const candidate = await api('POST', '/crm/candidates', {
      token: agency.token,
      body: { firstName, lastName, headline: 'Platform engineer' },
    });
    await api('POST', `/crm/jobs/${job.json.id}/submissions`, {
      token: agency.token,
      body: { candidateId: candidate.json.id },
    });
  }
  const requisition = await portalApi('POST', '/portal/requisitions', {
    cookie: client.cookie,
    body: {
      title: 'Data Analyst',
      description: 'Weekly reporting.',
      employmentType: 'full_time',
      openings: 1,
    },
  });
  expect(requisition.status).toBe(201);
  return { agency, client, jobId: job.json.id };
}

async function signedIn(client: SignedIn, viewport: 'phone' | 'desktop' = 'desktop'): Promise<Person> {
  const person = await newPerson(browser(), viewport);
  const value = client.cookie.split('=')[1] as string;
  await person.context.addCookies([{ name: 'portal_session', value, url: stackInfo().appUrl }]);
  return person;
}

const isPath = (path: string) => (url: URL) => url.pathname === path;

describe('states of a portal list', () => {
  it('a list that cannot be loaded says so in words and offers Try again, which loads it', async () => {
    const { client } = await clientWithAJob();
    const { page, context } = await signedIn(client);
    let failing = true;
    // The API's own answer to an unexpected failure (shared/http/error-handler.ts).
    await page.route(isPath('/portal/jobs'), (route: Route) =>
      failing
        ? route.fulfill({
            status: 500,
            contentType: 'application/json',
            body: JSON.stringify({
              error: { code: 'internal_error', message: 'Something went wrong on our side.' },
            }),
          })
        : route.continue(),
    );
    await page.goto('/app/jobs');
    const alert = page.getByRole('alert');
    // The client asks again twice by itself before it says so (about 3 s).
    await expect
      .poll(() => alert.textContent(), { timeout: 15_000 })
      .toContain('The jobs could not be loaded');
    expect(await alert.textContent()).toContain('Something went wrong on our side.');
    expect(await alert.textContent()).not.toContain('internal_error');
    expect(await page.getByText('"error"').count()).toBe(0);
    const retry = page.getByRole('button', { name: 'Try again' });
    expect(await retry.isVisible()).toBe(true);
    await capture(page, 'jobs-error');

    failing = false;
    await retry.click();
    await expect.poll(() => page.getByRole('link', { name: 'Platform Engineer' }).isVisible()).toBe(true);
    expect(await page.getByRole('alert').count()).toBe(0);
    await context.close();
  });

  it('while a list loads, the page says what it is loading', async () => {
    const { client } = await clientWithAJob();
    const { page, context, problems } = await signedIn(client, 'phone');
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(isPath('/portal/requisitions'), async (route: Route) => {
      await held;
      await route.continue();
    });
    await page.goto('/app/requisitions');
    const loading = page.getByRole('status').filter({ hasText: 'Loading requisitions…' });
    await expect.poll(() => loading.isVisible()).toBe(true);
    await capture(page, 'requisitions-loading');
    release();
    await expect.poll(() => page.getByRole('article', { name: 'Data Analyst' }).isVisible()).toBe(true);
    expect(await loading.count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});

interface Focused {
  tag: string;
  /** Its accessible text: aria-label, else its text, else its label's. */
  name: string;
  /** The candidate card it sits in, if any. */
  card: string | null;
  value: string | null;
  /** `:focus-visible` matches and the outline is drawn. */
  visible: boolean;
}

const focused = (page: Page) =>
  page.evaluate<Focused>(`(() => {
    const e = document.activeElement;
    const s = getComputedStyle(e);
    const label = e.id ? document.querySelector('label[for="' + e.id + '"]') : null;
    return {
      tag: e.tagName,
      name: (e.getAttribute('aria-label') || (label ? label.textContent : '') || e.textContent || '').trim(),
      card: e.closest('article') ? e.closest('article').querySelector('h4')?.textContent ?? null : null,
      value: 'value' in e ? String(e.value) : null,
      visible: e.matches(':focus-visible') && s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0,
    };
  })()`);

/** Tab (or Shift+Tab) until the focus is on what `wanted` accepts; fails after `max` presses. */
async function tabTo(
  page: Page,
  wanted: (f: Focused) => boolean,
  what: string,
  max = 40,
  key: 'Tab' | 'Shift+Tab' = 'Tab',
): Promise<Focused> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const now = await focused(page);
    if (wanted(now)) {
      expect(now.visible, `the focus on ${what} is visible`).toBe(true);
      return now;
    }
  }
  throw new Error(`Tab never reached ${what}`);
}

describe('the portal with the keyboard alone', () => {
  it('G5 move a candidate with a remark, add a remark, cancel a form and the Withdraw dialog, focus always visible and where expected', async () => {
    const { agency, client, jobId } = await clientWithAJob();
    const { page, context, problems } = await signedIn(client);
    await page.goto(`/app/jobs/${jobId}`);
    await expect.poll(() => page.getByRole('article', { name: 'Ada Lovelace' }).isVisible()).toBe(true);
    await expect.poll(async () => (await focused(page)).tag).toBe('H1');

    // Move Ada: open the move form, choose a stage with the arrow keys, type a remark, submit.
    const move = await tabTo(
      page,
      (f) => f.name === 'Move candidate' && f.card === 'Ada Lovelace',
      'Move Ada',
    );
    expect(move.tag).toBe('BUTTON');
    await page.keyboard.press('Enter');
    await expect
      .poll(() =>
        page
          .getByRole('article', { name: 'Ada Lovelace' })
          .getByRole('button', { name: 'Move candidate', expanded: true })
          .count(),
      )
      .toBe(1);
    await tabTo(page, (f) => f.tag === 'SELECT' && f.name === 'New stage', 'the New stage select', 3);
    // Choose a stage, Shortlisted, Interview, Rejected: two steps down is Interview.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect((await focused(page)).value).toBe('interview');
    await tabTo(page, (f) => f.tag === 'TEXTAREA' && f.name.startsWith('Remark'), 'the remark field', 2);
    await page.keyboard.type('Keyboard only: please invite her.');
    await tabTo(
      page,
      (f) => f.tag === 'BUTTON' && f.name === 'Move candidate',
      'the form’s Move candidate',
      2,
    );
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('Ada Lovelace moved to Interview.').isVisible()).toBe(true);
    // Her card moved to another stage, its button with it: the focus waits on the news, visibly.
    await expect.poll(async () => (await focused(page)).name).toBe('Ada Lovelace moved to Interview.');
    expect((await focused(page)).visible).toBe(true);
    expect(await page.getByRole('heading', { name: /Interview \(1\)/ }).isVisible()).toBe(true);

    // Add a remark on Alan; the form closes and the news takes the focus.
    await tabTo(page, (f) => f.name === 'Add a remark' && f.card === 'Alan Turing', 'Add a remark on Alan');
    await page.keyboard.press('Enter');
    await tabTo(page, (f) => f.tag === 'TEXTAREA' && f.name.startsWith('Remark'), 'the remark field', 2);
    await page.keyboard.type('What is his notice period?');
    await tabTo(page, (f) => f.name === 'Add remark', 'Add remark', 2);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).name).toBe('Remark added.');
    expect((await focused(page)).visible).toBe(true);

    // Cancel a form: the focus goes back to the button that opened it.
    await tabTo(page, (f) => f.name === 'Move candidate' && f.card === 'Alan Turing', 'Move Alan');
    await page.keyboard.press('Enter');
    await tabTo(page, (f) => f.name === 'Cancel' && f.card === 'Alan Turing', 'Cancel', 6);
    await page.keyboard.press('Enter');
    const back = await focused(page);
    expect([back.name, back.card, back.visible]).toEqual(['Move candidate', 'Alan Turing', true]);

    // The recruiter sees both, from the client (B12).
    const pipeline = await api('GET', `/crm/jobs/${jobId}/submissions`, { token: agency.token });
    const byName = (name: string) =>
      pipeline.json.items.find((s: { candidate: { name: string } }) => s.candidate.name === name);
    expect(byName('Ada Lovelace').stage).toBe('interview');
    expect(byName('Ada Lovelace').remarks.at(-1).text).toBe('Keyboard only: please invite her.');
    expect(byName('Alan Turing').remarks.at(-1).text).toBe('What is his notice period?');

    // Withdraw, then think better of it: Escape cancels, and the focus is back on Withdraw.
    // Back up to the portal's navigation, above the page's heading.
    await tabTo(
      page,
      (f) => f.tag === 'A' && f.name === 'Requisitions',
      'the Requisitions link',
      40,
      'Shift+Tab',
    );
    await page.keyboard.press('Enter');
    await page.waitForURL('**/app/requisitions');
    await expect.poll(() => page.getByRole('article', { name: 'Data Analyst' }).isVisible()).toBe(true);
    await expect.poll(async () => (await focused(page)).tag).toBe('H1');
    await tabTo(page, (f) => f.name === 'Withdraw Data Analyst', 'Withdraw Data Analyst');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Withdraw this requisition?' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    // The safe choice has the focus in the dialog.
    expect((await focused(page)).name).toBe('Keep it');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    const after = await focused(page);
    expect([after.name, after.visible]).toEqual(['Withdraw Data Analyst', true]);
    expect(
      await page.getByRole('article', { name: 'Data Analyst' }).getByText('Pending review').isVisible(),
    ).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});
