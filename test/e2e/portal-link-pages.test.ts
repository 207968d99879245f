import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { keys } from '../../shared/data/keys.ts';
import { hashToken } from '../../shared/util/tokens.ts';
import { api, stackInfo, tableName, testDb } from '../support/api.ts';
import { requestLogin } from '../support/login.ts';
import { invitedContact, newAgency, portalApi, signedInClient } from '../support/portal.ts';
import { capture, expectAccessible, browserForFile, newPerson } from './support/browser.ts';

/** The pages a link leads to when the link no longer works, the login limits, and why a session ended. */
const browser = browserForFile();

const accountOf = async (token: string) => (await api('GET', '/crm/account', { token })).json.id as string;

describe('pages for links that no longer work', () => {
  it('B5 a used invitation link says so and offers the login page, never raw JSON', async () => {
    const agency = await newAgency('Northwind Talent');
    const client = await signedInClient(agency);
    const { page, context, problems } = await newPerson(browser(), 'phone');
    await page.goto(`/signup?token=${client.signupToken}`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('This invitation link no longer works');
    expect(
      await page.getByText('If you have already joined, log in with your e-mail address.').isVisible(),
    ).toBe(true);
    expect(await page.getByText('"error"').count()).toBe(0);
    await capture(page, 'signup-used');
    await page.getByRole('link', { name: 'Go to the login page' }).click();
    await page.waitForURL('**/login');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('B4 an expired invitation says to ask the recruiter for a new one', async () => {
    const agency = await newAgency();
    const invited = await invitedContact(agency);
    await testDb().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.contact(await accountOf(agency.token), invited.contactId),
        UpdateExpression: 'SET invitation.expiresAt = :past',
        ExpressionAttributeValues: { ':past': new Date(Date.now() - 1000).toISOString() },
      }),
    );
    const { page, context } = await newPerson(browser());
    await page.goto(`/signup?token=${invited.signupToken}`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('This invitation has expired');
    expect(await page.getByText('Ask your recruiter to send you a new one.').isVisible()).toBe(true);
    await capture(page, 'signup-expired');
    await context.close();
  });

  it('B7 a login link that was used offers a new link', async () => {
    const agency = await newAgency('Northwind Talent');
    const client = await signedInClient(agency);
    const [login] = (await requestLogin(client.email)).logins;
    if (!login) throw new Error('no login link in the e-mail');
    const { page, context, problems } = await newPerson(browser());
    // The person logs in with the link, as the e-mail says …
    await page.goto(`/login/continue?token=${login.token}`);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL('**/app/jobs');
    // … and opens the same e-mail's link again later.
    await page.goto(`/login/continue?token=${login.token}`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('This login link no longer works');
    expect(await page.getByText('Each login link works once').isVisible()).toBe(true);
    await capture(page, 'login-link-used');
    await page.getByRole('link', { name: 'Email me a new login link' }).click();
    await page.waitForURL('**/login');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('B7 an expired login link says so and offers a new link', async () => {
    const agency = await newAgency('Northwind Talent');
    const client = await signedInClient(agency);
    const [login] = (await requestLogin(client.email)).logins;
    if (!login) throw new Error('no login link in the e-mail');
    // Fifteen minutes later: the stored login's expiry is in the past.
    await testDb().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.loginLink(hashToken(login.token)),
        UpdateExpression: 'SET expiresAt = :past',
        ExpressionAttributeValues: { ':past': new Date(Date.now() - 1000).toISOString() },
      }),
    );
    const { page, context, problems } = await newPerson(browser(), 'phone');
    await page.goto(`/login/continue?token=${login.token}`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('This login link has expired');
    expect(await page.getByText('Login links work for 15 minutes.').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Log in' }).count()).toBe(0);
    await capture(page, 'login-link-expired');
    await page.getByRole('link', { name: 'Email me a new login link' }).click();
    await page.waitForURL('**/login');
    await expect.poll(() => page.getByLabel('Email').isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('the login page', () => {
  it('B7 over the limit, the page says when to try again', async () => {
    const agency = await newAgency();
    const client = await signedInClient(agency);
    // Five requests for the address from elsewhere use up its allowance (5 per 15 minutes).
    for (let i = 0; i < 5; i++)
      expect(
        (
          await portalApi('POST', '/portal/login-links', {
            body: { email: client.email },
            sourceIp: `203.0.113.${i + 1}`,
          })
        ).status,
      ).toBe(202);
    const { page, context } = await newPerson(browser(), 'phone');
    await page.goto('/login');
    await page.getByLabel('Email').fill(client.email);
    await page.getByRole('button', { name: 'Email me a login link' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(/Too many login requests.*Try again in (a minute|\d+ minutes)\./);
    await capture(page, 'login-rate-limited');
    await context.close();
  });

  it('B7 a malformed address is refused on the page, with the field named', async () => {
    const { page, context } = await newPerson(browser());
    await page.goto('/login');
    await page.getByLabel('Email').fill('not-an-address');
    await page.getByRole('button', { name: 'Email me a login link' }).click();
    await expect
      .poll(() => page.getByText('Enter an e-mail address such as name@company.com.').isVisible())
      .toBe(true);
    expect(await page.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'login with an invalid address');
    await context.close();
  });

  it('B19 an expired session ends on /login saying the session expired', async () => {
    const agency = await newAgency();
    const client = await signedInClient(agency);
    const { page, context } = await newPerson(browser());
    const token = client.cookie.split('=')[1] as string;
    await context.addCookies([{ name: 'portal_session', value: token, url: stackInfo().appUrl }]);
    await page.goto('/app/jobs');
    await expect.poll(() => page.getByText('No jobs shared with Acme Corp yet').isVisible()).toBe(true);
    await capture(page, 'jobs-empty');
    await testDb().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.session(hashToken(token)),
        UpdateExpression: 'SET idleExpiresAt = :past',
        ExpressionAttributeValues: { ':past': new Date(Date.now() - 1000).toISOString() },
      }),
    );
    await page.getByRole('link', { name: 'Requisitions' }).click();
    await page.waitForURL('**/login?ended=session_expired');
    await expect.poll(() => page.getByText('Your session has ended').isVisible()).toBe(true);
    await capture(page, 'login-session-expired');
    await context.close();
  });

  it('without a session, /app sends a person to log in', async () => {
    const { page, context } = await newPerson(browser());
    await page.goto('/app/requisitions');
    await page.waitForURL('**/login?ended=not_logged_in');
    await expect.poll(() => page.getByText('Please log in').isVisible()).toBe(true);
    await expectAccessible(page, '/login?ended=not_logged_in');
    await context.close();
  });
});

describe('the start page, keyboard use and the API reference', () => {
  it('the start page leads to the portal, and the login works with the keyboard alone', async () => {
    const { page, context } = await newPerson(browser(), 'phone');
    await page.goto('/');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Client Portal');
    await capture(page, 'home');
    // The page's heading has the focus on arrival (screen readers announce it); the next Tab is the main action.
    await expect.poll(() => page.evaluate<string>('document.activeElement.tagName')).toBe('H1');
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('document.activeElement.textContent')).toBe(
      'Log in to the Client Portal',
    );
    await page.keyboard.press('Enter');
    await page.waitForURL('**/login');
    await expect.poll(() => page.evaluate<string>('document.activeElement.tagName')).toBe('H1');
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('document.activeElement.getAttribute("type")')).toBe('email');
    await page.keyboard.type('nobody@example.test');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { name: 'Check your e-mail' }).isVisible()).toBe(true);
    await context.close();
  });

  it('an unknown page says so in words', async () => {
    const { page, context } = await newPerson(browser());
    await page.goto('/no-such-page');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    await expectAccessible(page, 'not found');
    await context.close();
  });

  it('the API reference shows every route from /openapi.json', async () => {
    const { page, context } = await newPerson(browser());
    await page.goto('/docs/api');
    await expect
      .poll(() => page.getByRole('heading', { level: 2, name: 'Portal API' }).isVisible())
      .toBe(true);
    const doc = (await (await fetch(`${stackInfo().appUrl}/openapi.json`)).json()) as {
      paths: Record<string, object>;
    };
    const operations = Object.values(doc.paths).reduce((n, item) => n + Object.keys(item).length, 0);
    expect(await page.getByRole('article').count()).toBe(operations);
    expect(await page.getByRole('heading', { level: 3, name: 'POST /portal/signup' }).isVisible()).toBe(true);
    await capture(page, 'api-reference', { fullPage: false });
    await context.close();
  });
});
