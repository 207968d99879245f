import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { stackInfo } from '../../support/stack-info.ts';

/**
 * Debian's Chromium, headless, reaching nothing but this machine: `/usr/bin/chromium` or `CHROMIUM_PATH`
 * (README "The two commands"; `.ci/run` installs it with apt-get).
 */
export async function launchBrowser(): Promise<{ browser: Browser; close(): Promise<void> }> {
  // Playwright gives every launch a fresh temporary profile of its own (the --user-data-dir).
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
    ],
  });
  return {
    browser,
    close: () => browser.close(),
  };
}

/**
 * One Chromium for the test file: launched before its tests, closed after them. Answers the
 * browser to open people (contexts) in, once it is up.
 */
export function browserForFile(): () => Browser {
  let launched: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  beforeAll(async () => {
    launched = await launchBrowser();
  });
  afterAll(async () => launched?.close());
  return () => {
    if (!launched) throw new Error('The browser is not launched yet: use it inside a test or hook');
    return launched.browser;
  };
}

export const viewports = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 900 },
} as const;

export interface Person {
  context: BrowserContext;
  page: Page;
  /** Console errors and CSP violations the pages reported: a test ends with none. */
  problems: string[];
}

/** A fresh browser profile (cookies of its own): one person on one device. */
export async function newPerson(
  browser: Browser,
  viewport: keyof typeof viewports = 'desktop',
  /** Another origin of the stack than its own, e.g. a Cognito-mode site (local/cognito-sites.ts). */
  baseURL: string = stackInfo().appUrl,
): Promise<Person> {
  const context = await browser.newContext({
    baseURL,
    viewport: viewports[viewport],
    locale: 'en-GB',
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems: string[] = [];
  // 4xx answers the page expects (a used link, a 401 that ends a session) log as failed resources: not problems.
  page.on('console', (m) => {
    if (
      m.type() === 'error' &&
      !/Failed to load resource: the server responded with a status of 4\d\d/.test(m.text())
    )
      problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  return { context, page, problems };
}

/** WCAG 2.2 A and AA rules, the standard the pages are held to. */
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe-core on the page as it is now: 0 violations, or a list that says what and where. */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  // Evaluated through the DevTools protocol, which the page's CSP (no inline script) does not govern.
  if (!(await page.evaluate<boolean>("'axe' in window"))) await page.evaluate(axe.source);
  const result = await page.evaluate<axe.AxeResults>(
    `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(wcagTags)} } })`,
  );
  const violations = result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
  expect(violations, `axe on ${state}`).toEqual([]);
}

const shotsDir = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

/**
 * Screenshots of the page as it is, at phone and desktop width (docs/screenshots/<name>-390.png
 * and -1280.png), each checked with axe at that width too.
 */
export async function capture(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(shotsDir, { recursive: true });
  const original = page.viewportSize();
  for (const size of [viewports.phone, viewports.desktop]) {
    await page.setViewportSize(size);
    await expectAccessible(page, `${name} at ${size.width} px`);
    await page.screenshot({
      path: join(shotsDir, `${name}-${size.width}.png`),
      fullPage: options.fullPage ?? true,
      animations: 'disabled',
    });
  }
  if (original) await page.setViewportSize(original);
}
