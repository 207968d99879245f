import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { mailsTo, waitForMail, type StoredMail } from '../support/api.ts';
import { loginsIn } from '../support/login.ts';
import { newAgency, signedInClient } from '../support/portal.ts';
import { capture, expectAccessible, browserForFile, newPerson } from './support/browser.ts';

/** B24 in the browser: the code beside the link, typed where the person asked for it. */
const browser = browserForFile();

const isLoginMail = (email: string) => (m: StoredMail) =>
  m.destination.to.includes(email) && m.body.text.includes('/login/continue?token=');

async function askInPage(email: string, page: Page): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Email me a login link' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Check your e-mail' }).isVisible()).toBe(true);
}

async function askForLogin(email: string, page: Page): Promise<StoredMail> {
  const before = (await mailsTo(email)).filter(isLoginMail(email)).length;
  await askInPage(email, page);
  return waitForMail(isLoginMail(email), { count: before + 1 });
}

describe('logging in with the e-mailed code', () => {
  it('B24 the code pasted with spaces logs in on the device that asked, even after a scanner opened the link', async () => {
    const agency = await newAgency('Northwind Talent');
    const client = await signedInClient(agency);
    const { page, context, problems } = await newPerson(browser(), 'phone');
    const mail = await askForLogin(client.email, page);
    const [login] = loginsIn(mail);
    if (!login) throw new Error('no login block in the e-mail');
    expect(mail.subject).toContain(login.code);

    // A mail scanner fetches the link's page: nothing is used.
    const scanner = await newPerson(browser());
    await scanner.page.goto(`/login/continue?token=${login.token}`);
    await expect.poll(() => scanner.page.getByRole('button', { name: 'Log in' }).isVisible()).toBe(true);
    await scanner.context.close();

    const field = page.getByLabel('Login code');
    expect(await field.getAttribute('inputmode')).toBe('numeric');
    expect(await field.getAttribute('autocomplete')).toBe('one-time-code');
    await capture(page, 'login-code');
    await field.fill('000000' === login.code ? '111111' : '000000');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/That code did not work/);
    // Attempts of any kind count, as the API counts them (docs/login-codes.md).
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/5 tries in all/);
    await capture(page, 'login-code-refused');
    // Pasted with a space between every digit: longer than six, and not cut off.
    await field.fill(` ${login.code.split('').join(' ')} `);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL('**/app/jobs');
    await expect.poll(() => page.getByRole('banner').getByText('Northwind Talent').isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('B24 a client of two agencies lands in the agency whose code they typed', async () => {
    const first = await newAgency('Northwind Talent');
    const client = await signedInClient(first);
    const second = await newAgency('Contoso Search');
    await signedInClient(second, { email: client.email });
    const { page, context } = await newPerson(browser());
    const mail = await askForLogin(client.email, page);
    const logins = loginsIn(mail);
    expect(logins.map((l) => l.agency).sort()).toEqual(['Contoso Search', 'Northwind Talent']);
    const contoso = logins.find((l) => l.agency === 'Contoso Search');
    await page.getByLabel('Login code').fill(contoso?.code ?? '');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL('**/app/jobs');
    await expect.poll(() => page.getByRole('banner').getByText('Contoso Search').isVisible()).toBe(true);
    await expectAccessible(page, 'jobs after a code login');
    await context.close();
  });

  it('B24 the code form refuses what is not six digits before asking the API', async () => {
    const { page, context } = await newPerson(browser());
    await askInPage(`nobody.${Date.now()}@example.test`, page);
    await page.getByLabel('Login code').fill('12ab');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(() => page.getByText('Enter the 6-digit code from the e-mail.').isVisible()).toBe(true);
    await expectAccessible(page, 'login code with a malformed code');
    await context.close();
  });
});
