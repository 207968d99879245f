/**
 * `npm run bench:web` — the web app's performance budget, measured, not asserted: per page, the
 * gzipped JS and CSS of a first load (empty cache), the requests it makes, and the time to its main
 * content in headless Chromium (median of RUNS, default 10), against the local stack serving the
 * production build. Budget: at most 100 KB gzipped JS+CSS on any first load; the sign-up and login
 * pages load none of the portal app's code. For the pages with a form, also what has loaded once a
 * person starts filling it in (the first click into a field fetches zod and the route schemas).
 */
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { buildWebApp } from '../lib/build/web-build.ts';
import { startLocalStack, type LocalStack } from '../local/stack.ts';
import { call } from './bench/http.ts';

const runs = Number(process.env.RUNS ?? 10);
const budgetKb = 100;
const webRoot = fileURLToPath(new URL('../web/dist', import.meta.url));
const log = (line: string) => process.stderr.write(`${line}\n`);
/** Chunks that belong to the signed-in portal app: never on the public pages. */
const portalChunks =
  /\/assets\/(portal-app|jobs-page|job-page|requisitions-page|requisition-form-page|pipeline)-/;

let stack: LocalStack | undefined;

interface PageSpec {
  name: string;
  path: string;
  session: boolean;
  mustNotLoadPortal?: boolean;
  /** The label of the form field a person clicks first: the "after first form use" figure. */
  firstField?: string;
}

async function prepare(app: string, mail: string) {
  const accountId = `web-bench-${Date.now().toString(36)}`;
  const token = (
    (
      await call(app, 'POST', '/_local/recruiter-token', {
        body: { accountId, email: 'admin@bench.test', role: 'admin' },
      })
    ).json as { token: string }
  ).token;
  await call(app, 'PATCH', '/crm/account', {
    token,
    body: { portalEnabled: true, portalName: 'Bench Agency' },
  });
  const org = (await call(app, 'POST', '/crm/organizations', { token, body: { name: 'Globex' } })).json as {
    id: string;
  };
  const contactFor = async (email: string) =>
    (
      (
        await call(app, 'POST', '/crm/contacts', {
          token,
          body: { firstName: 'Bea', lastName: 'Bench', email, organizationId: org.id },
        })
      ).json as { id: string }
    ).id;
  const tokenIn = async (to: string, path: string) => {
    for (let i = 0; i < 100; i++) {
      const { emails } = (await (await fetch(`${mail}/store`)).json()) as {
        emails: { destination: { to: string[] }; body: { text?: string } }[];
      };
      const text = emails
        .filter((e) => e.destination.to.includes(to))
        .map((e) => e.body.text ?? '')
        .find((t) => t.includes(`${path}?token=`));
      const found = text?.match(new RegExp(`${path.replace('/', '\\/')}\\?token=([A-Za-z0-9_-]{43})`))?.[1];
      if (found) return found;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no ${path} link for ${to}`);
  };
  // One invitation left unused (the sign-up page reads it without consuming it) …
  const waiting = await contactFor('waiting@bench.test');
  await call(app, 'POST', `/crm/contacts/${waiting}/portal-invitation`, { token });
  const signupToken = await tokenIn('waiting@bench.test', '/signup');
  // … and one client who joined, with a job, candidates and a requisition.
  const member = await contactFor('member@bench.test');
  await call(app, 'POST', `/crm/contacts/${member}/portal-invitation`, { token });
  const joined = await call(app, 'POST', '/portal/signup', {
    body: { token: await tokenIn('member@bench.test', '/signup'), firstName: 'Bea', lastName: 'Bench' },
  });
  const cookie = joined.cookies
    .find((c) => c.startsWith('portal_session='))
    ?.split(';')[0]
    ?.split('=')[1];
  if (!cookie) throw new Error('sign-up gave no session');
  const job = (
    await call(app, 'POST', '/crm/jobs', {
      token,
      body: {
        title: 'Data Engineer',
        description: 'Pipelines.',
        organizationId: org.id,
        primaryContactId: member,
      },
    })
  ).json as { id: string };
  await call(app, 'PUT', `/crm/jobs/${job.id}/portal-share`, { token });
  for (let i = 0; i < 5; i++) {
    const c = (
      await call(app, 'POST', '/crm/candidates', {
        token,
        body: { firstName: `Cand${i}`, lastName: 'Idate', headline: 'Engineer' },
      })
    ).json as { id: string };
    await call(app, 'POST', `/crm/jobs/${job.id}/submissions`, { token, body: { candidateId: c.id } });
  }
  await call(app, 'POST', '/portal/login-links', {
    body: { email: 'member@bench.test' },
    sourceIp: '198.51.100.9',
  });
  const loginToken = await tokenIn('member@bench.test', '/login/continue');
  const pages: PageSpec[] = [
    { name: 'start page /', path: '/', session: false, mustNotLoadPortal: true },
    {
      name: 'sign-up',
      path: `/signup?token=${signupToken}`,
      session: false,
      mustNotLoadPortal: true,
      firstField: 'First name',
    },
    { name: 'login', path: '/login', session: false, mustNotLoadPortal: true },
    {
      name: 'login link landing',
      path: `/login/continue?token=${loginToken}`,
      session: false,
      mustNotLoadPortal: true,
    },
    { name: 'portal jobs', path: '/app/jobs', session: true },
    { name: 'portal job + pipeline', path: `/app/jobs/${job.id}`, session: true },
    { name: 'portal requisitions', path: '/app/requisitions', session: true },
    { name: 'new requisition', path: '/app/requisitions/new', session: true, firstField: 'Title' },
    { name: 'recruiter console', path: '/recruiter', session: false },
    { name: 'API reference', path: '/docs/api', session: false },
  ];
  return { pages, cookie };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

async function main() {
  log('building the web app (production) …');
  await buildWebApp({ outDir: webRoot });
  stack = await startLocalStack({ port: 0, mailPort: 0, dynamodbPort: 0, persist: false, webRoot });
  const app = stack.urls.app;
  const { pages, cookie } = await prepare(app, stack.urls.mail);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
  const rows: string[][] = [];
  let worst = 0;
  const breaches: string[] = [];
  for (const spec of pages) {
    const times: number[] = [];
    let jsGz = 0;
    let cssGz = 0;
    let requests = 0;
    let afterUseKb: number | undefined;
    let portalLoaded = false;
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      if (spec.session) await context.addCookies([{ name: 'portal_session', value: cookie, url: app }]);
      const page = await context.newPage();
      const bodies: Promise<void>[] = [];
      let js = 0;
      let css = 0;
      let count = 0;
      let lastAsset = Date.now();
      page.on('request', () => count++);
      page.on('response', (res) => {
        const type = res.request().resourceType();
        if (type !== 'script' && type !== 'stylesheet') return;
        lastAsset = Date.now();
        if (portalChunks.test(res.url())) portalLoaded = true;
        bodies.push(
          res.body().then((b) => {
            const gz = gzipSync(b).length;
            if (type === 'script') js += gz;
            else css += gz;
          }),
        );
      });
      await page.goto(`${app}${spec.path}`, { waitUntil: 'commit' });
      // Locator waits, not waitForFunction: the page's CSP forbids the eval that would need.
      await page.locator('main h1').first().waitFor({ timeout: 15_000 });
      await page.locator('.loading').waitFor({ state: 'detached', timeout: 15_000 });
      times.push(await page.evaluate<number>('performance.now()'));
      await page.waitForLoadState('networkidle');
      await Promise.all(bodies);
      if (run === 0) {
        jsGz = js;
        cssGz = css;
        requests = count;
        if (spec.firstField) {
          // A person clicks into the form's first field; then wait until no script has arrived for 500 ms.
          await page.getByLabel(spec.firstField, { exact: true }).click();
          const clicked = Date.now();
          while (Date.now() - Math.max(lastAsset, clicked) < 500 && Date.now() - clicked < 10_000)
            await page.waitForTimeout(100);
          await Promise.all(bodies);
          afterUseKb = (js + css) / 1024;
        }
      }
      await context.close();
    }
    const totalKb = (jsGz + cssGz) / 1024;
    worst = Math.max(worst, totalKb);
    if (totalKb > budgetKb) breaches.push(`${spec.name}: ${totalKb.toFixed(1)} KB`);
    if (spec.mustNotLoadPortal && portalLoaded) breaches.push(`${spec.name} loaded portal app code`);
    rows.push([
      spec.name,
      (jsGz / 1024).toFixed(1),
      (cssGz / 1024).toFixed(1),
      totalKb.toFixed(1),
      String(requests),
      median(times).toFixed(0),
      spec.mustNotLoadPortal ? (portalLoaded ? 'yes (!)' : 'no') : '—',
      afterUseKb === undefined ? '—' : afterUseKb.toFixed(1),
    ]);
  }
  await browser.close();
  const head = [
    'page',
    'JS gz KB',
    'CSS gz KB',
    'total KB',
    'requests',
    `main content ms (median of ${runs})`,
    'portal code loaded',
    'after first form use KB',
  ];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
  console.log(
    `\nlargest first load: ${worst.toFixed(1)} KB gzipped JS+CSS (budget ${budgetKb} KB, ratio ${(worst / budgetKb).toFixed(2)})`,
  );
  console.log(
    breaches.length
      ? `over budget: ${breaches.join('; ')}`
      : 'within budget; the public pages load no portal app code',
  );
  process.exitCode = breaches.length ? 1 : 0;
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => stack?.stop());
