import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CognitoAuthConfig, siteSecurityHeaders } from '../../lib/auth-config.ts';
import { securityHeaders } from '../../shared/http/security-headers.ts';
import { api, stackInfo } from '../support/api.ts';
import { type FakeCognito, startFakeCognito } from '../support/fake-cognito.ts';
import { browserForFile, capture, expectAccessible, newPerson, type Person } from './support/browser.ts';
import { eventually, newRecruiter, openSection } from './support/recruiter.ts';

/**
 * The console in Cognito mode, as it runs in AWS: a site of the local stack whose /auth-config.json
 * names a stand-in for the managed-login domain (test/support/fake-cognito.ts) and whose CSP names
 * that domain in connect-src, built by the function the Web stack's response headers policy uses
 * (local/cognito-sites.ts). The stand-in signs its ID tokens with the local issuer's key, so the
 * API accepts them as it accepts the user pool's in AWS. Its tokens live 20 seconds, so renewal
 * happens while the tests run, on the page's real clock.
 */
const browser = browserForFile();
const tokenLifetimeSeconds = 20;

const rita = newRecruiter({ name: 'Rita Recruiter', role: 'admin' });
const bob = newRecruiter({
  accountId: rita.accountId,
  email: `bob@${rita.accountId}.test`,
  name: 'Bob Booker',
  role: 'recruiter',
});

let cognito: FakeCognito;
let site: { url: string; authConfig: CognitoAuthConfig };

beforeAll(async () => {
  const { jwt } = stackInfo();
  cognito = await startFakeCognito({
    // The ID token's audience is the app client: here the one the local API's authorizer accepts.
    clientId: jwt.audience,
    tokenLifetimeSeconds,
    signing: { issuer: jwt.issuer, key: jwt.key },
    users: { rita, bob },
  });
  const opened = await api('POST', '/_local/cognito-sites', {
    body: { domain: cognito.domain, clientId: cognito.clientId },
  });
  expect(opened.status).toBe(201);
  site = opened.json;
  cognito.allow(site.authConfig);
});
afterAll(async () => {
  if (site) await api('DELETE', `/_local/cognito-sites/${new URL(site.url).port}`);
  await cognito?.close();
});

interface Recruiter extends Person {
  /** The page's console messages about the Content Security Policy: a test ends with none. */
  cspViolations: string[];
}

async function newRecruiterBrowser(): Promise<Recruiter> {
  const person = await newPerson(browser(), 'desktop', site.url);
  const cspViolations: string[] = [];
  person.page.on('console', (m) => {
    if (m.text().includes('Content Security Policy')) cspViolations.push(m.text());
  });
  return { ...person, cspViolations };
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const signInButton = (page: Page) => page.getByRole('button', { name: 'Sign in' });
const signedInAs = (page: Page) => page.getByRole('banner').locator('.user-name');

/** What the page keeps in Web Storage, as one string. */
const webStorage = (page: Page) =>
  page.evaluate<string>('JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } })');

/** Sign in → managed login (the stand-in signs `user` in at once) → callback → the console. */
async function signIn(page: Page, user: string) {
  cognito.signInAs(user);
  await page.goto('/recruiter');
  await signInButton(page).click();
  await eventually(() => signedInAs(page).isVisible()).toBe(true);
}

describe('the Cognito-mode site', () => {
  it('serves the sign-in settings of its deployment, and a CSP whose connect-src names exactly the sign-in origin', async () => {
    const config = await fetch(`${site.url}/auth-config.json`);
    expect(await config.json()).toEqual({
      mode: 'cognito',
      domain: cognito.domain,
      clientId: cognito.clientId,
      redirectUri: `${site.url}/recruiter/callback`,
      logoutUri: `${site.url}/recruiter`,
    });
    const page = await fetch(`${site.url}/recruiter`);
    const csp = page.headers.get('content-security-policy');
    expect(csp).toBe(siteSecurityHeaders(site.authConfig)['content-security-policy']);
    expect(csp?.split('; ')).toContain(`connect-src 'self' ${cognito.domain}`);
    expect(csp).not.toContain('*');
    // The stack's own site signs in locally and fetches nothing but itself.
    const own = await fetch(`${stackInfo().appUrl}/recruiter`);
    expect(own.headers.get('content-security-policy')).toBe(securityHeaders['content-security-policy']);
    expect(own.headers.get('content-security-policy')).toContain("connect-src 'self';");
  });
});

describe('signing in with managed login', () => {
  let desk: Recruiter;
  beforeAll(async () => {
    desk = await newRecruiterBrowser();
  });
  afterAll(async () => desk?.context.close());

  it('Sign in → managed login → callback → the start page, signed in with the name; no token in Web Storage', async () => {
    const { page } = desk;
    cognito.signInAs('rita');
    const crmRequests: string[] = [];
    page.on('request', (req) => {
      if (new URL(req.url()).pathname.startsWith('/crm/'))
        crmRequests.push(req.headers().authorization ?? '');
    });
    await page.goto('/recruiter');
    await eventually(() => signInButton(page).isVisible()).toBe(true);
    expect(await page.getByLabel('Account ID').count()).toBe(0);
    await capture(page, 'recruiter-cognito-sign-in');

    const release = cognito.holdTokenAnswers();
    await signInButton(page).click();
    // The stand-in's authorize endpoint redirected at once; the code exchange waits for release().
    // A CSP that blocked the code exchange would show here, in the browser's words.
    await eventually(
      async () => desk.cspViolations.join('\n') || (await page.getByText('Signing you in…').isVisible()),
    ).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/recruiter/callback');
    await expectAccessible(page, 'Signing you in…');
    release();

    await eventually(() => new URL(page.url()).pathname).toBe('/recruiter/contacts');
    await eventually(() => heading(page).textContent()).toBe('Contacts');
    expect(await signedInAs(page).textContent()).toBe('Rita Recruiter');
    expect(new URL(page.url()).search).toBe('');
    await expectAccessible(page, 'the console after a Cognito sign-in');

    const [authorize, exchange] = cognito.requests.filter((r) => r.path !== '/logout');
    expect(authorize).toMatchObject({
      method: 'GET',
      path: '/oauth2/authorize',
      form: {
        client_id: cognito.clientId,
        code_challenge_method: 'S256',
        redirect_uri: site.authConfig.redirectUri,
      },
    });
    expect(exchange).toMatchObject({
      method: 'POST',
      path: '/oauth2/token',
      form: { grant_type: 'authorization_code' },
    });
    const [first] = cognito.issued;
    expect(first?.grant).toBe('authorization_code');
    // The API accepted the stand-in's token (the page above lists the agency's contacts).
    expect(crmRequests[0]).toBe(`Bearer ${first!.idToken}`);
    // Every one with a token of this sign-in (on a slow machine a renewal may already have come).
    const tokens = cognito.issued.map((t) => `Bearer ${t.idToken}`);
    for (const authorization of crmRequests) expect(tokens).toContain(authorization);

    const stored = await webStorage(page);
    expect(stored).not.toContain(first!.idToken);
    expect(stored).not.toContain(first!.refreshToken!);
    expect(stored).not.toMatch(/eyJ/); // no JWT of any kind
    expect(desk.cspViolations).toEqual([]);
    expect(desk.problems).toEqual([]);
  });

  it('renews with the refresh token before the ID token expires, and the next API request carries the new token', async () => {
    const { page } = desk;
    await expect
      .poll(() => cognito.issued.filter((t) => t.grant === 'refresh_token').length, {
        timeout: tokenLifetimeSeconds * 1000,
        interval: 200,
      })
      .toBeGreaterThanOrEqual(1);
    const renewal = cognito.requests.find((r) => r.form.grant_type === 'refresh_token');
    expect(renewal?.form).toEqual({
      grant_type: 'refresh_token',
      client_id: cognito.clientId,
      refresh_token: cognito.issued[0]!.refreshToken,
    });

    const creates = (req: { url(): string; method(): string }) =>
      req.method() === 'POST' && new URL(req.url()).pathname === '/crm/organizations';
    const sent = page.waitForRequest(creates);
    const answered = page.waitForResponse((res) => creates(res.request()));
    await openSection(page, 'Organizations');
    await page.getByRole('button', { name: 'New organization' }).click();
    await page.getByLabel('Name').fill('Renewed Inc');
    await page.getByRole('button', { name: 'Create organization' }).click();
    const authorization = (await sent).headers().authorization;
    const renewed = cognito.issued.at(-1)!;
    expect(renewed.grant).toBe('refresh_token');
    expect(renewed.idToken).not.toBe(cognito.issued[0]!.idToken);
    expect(authorization).toBe(`Bearer ${renewed.idToken}`);
    expect((await answered).status()).toBe(201);
    await eventually(() => heading(page).textContent()).toBe('Renewed Inc');
    expect(await webStorage(page)).not.toMatch(/eyJ/);
    expect(desk.cspViolations).toEqual([]);
    expect(desk.problems).toEqual([]);
  });

  it('Sign out revokes the refresh token at /oauth2/revoke, then ends the managed login session at /logout', async () => {
    const { page } = desk;
    const refreshToken = cognito.issued[0]!.refreshToken!;
    const before = cognito.requests.length;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await eventually(() => cognito.requests.slice(before).map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /oauth2/revoke',
      'GET /logout',
    ]);
    const [revoke, logout] = cognito.requests.slice(before);
    expect(revoke?.form).toEqual({ token: refreshToken, client_id: cognito.clientId });
    expect(logout?.form).toEqual({ client_id: cognito.clientId, logout_uri: site.authConfig.logoutUri });
    // /logout sent the browser back to the console, signed out.
    await eventually(() => page.url()).toBe(site.authConfig.logoutUri);
    await eventually(() => signInButton(page).isVisible()).toBe(true);
    await expectAccessible(page, 'the console after signing out of Cognito');
    // The revoked refresh token renews nothing any more.
    const refused = await fetch(`${cognito.domain}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: cognito.clientId,
        refresh_token: refreshToken,
      }),
    });
    expect(refused.status).toBe(400);
    expect(await webStorage(page)).not.toMatch(/eyJ/);
    expect(desk.cspViolations).toEqual([]);
    expect(desk.problems).toEqual([]);
  });
});

describe('when Cognito refuses', () => {
  it('a refused renewal (the recruiter was disabled) ends on the sign-in screen, saying the sign-in expired', async () => {
    const person = await newRecruiterBrowser();
    const { page } = person;
    await signIn(page, 'bob');
    expect(await signedInAs(page).textContent()).toBe('Bob Booker');
    const refusedBefore = cognito.requests.filter((r) => r.form.grant_type === 'refresh_token').length;
    cognito.disable('bob');
    await expect
      .poll(() => page.getByText('Your sign-in has expired; sign in again.').isVisible(), {
        timeout: tokenLifetimeSeconds * 1000,
        interval: 200,
      })
      .toBe(true);
    expect(cognito.requests.filter((r) => r.form.grant_type === 'refresh_token').length).toBe(
      refusedBefore + 1,
    );
    await eventually(() => signInButton(page).isVisible()).toBe(true);
    expect(await signedInAs(page).count()).toBe(0);
    await capture(page, 'recruiter-cognito-expired');
    expect(person.cspViolations).toEqual([]);
    expect(person.problems).toEqual([]);
    await person.context.close();
  });

  it('an answer to a sign-in this browser did not start is refused, in words, without asking for tokens', async () => {
    const person = await newRecruiterBrowser();
    const { page } = person;
    const before = cognito.requests.length;
    await page.goto('/recruiter/callback?code=forged&state=forged');
    await eventually(() => heading(page).textContent()).toBe('The sign-in did not complete');
    expect(
      await page.getByText('This sign-in was not started here, or has already been used.').isVisible(),
    ).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/recruiter');
    expect(cognito.requests.length).toBe(before);
    await expectAccessible(page, 'The sign-in did not complete');
    expect(person.cspViolations).toEqual([]);
    expect(person.problems).toEqual([]);
    await person.context.close();
  });
});
