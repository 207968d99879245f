/**
 * The deactivation scenario of `npm run bench:faults` (and of its integration test): active portal
 * users whose access ends for every cause at once, while other portal users ask for login e-mails
 * and one agency switches its add-on off; then the end state, read from the table and the mail
 * store. Import it only once the local stack has set the handlers' env (it loads shared clients).
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { FaultInjector, FaultOptions } from '../../local/fault-injection.ts';
import { call, field } from './http.ts';
import { mix, pool, shuffled, split, type Deactivation } from './faults-plan.ts';
import { seedPortalUsers, type SeededUser } from './faults-seed.ts';
import {
  checkDeactivation,
  checkSurvivor,
  checkSuspended,
  requisitionTitle,
  type Findings,
  type StoredMail,
} from './faults-check.ts';

export interface ScenarioOptions {
  app: string;
  mailUrl: string;
  faults: FaultInjector;
  faultOptions: FaultOptions;
  deactivations: number;
  /** Portal users who stay, each asking for one login e-mail during the run. */
  survivors: number;
  /** Portal users of an agency that switches the add-on off during the run (access refused, not ended). */
  suspended: number;
  concurrency?: number;
  /** How long the pipeline may take to settle after the last request. */
  settleTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface ScenarioResult extends Findings {
  expected: number;
  byCause: Record<string, number>;
  faults: Record<string, number>;
  deadLetters: number;
  streamFailures: number;
  poisonGivenUp: number;
  failedRequests: string[];
  seconds: number;
}

const organization = async (app: string, token: string, name: string) =>
  field(await call(app, 'POST', '/crm/organizations', { token, body: { name } }), 'id');

/** A fresh agency with the add-on on, and an admin's token. */
export async function agency(app: string, label: string) {
  const accountId = `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  const minted = await call(app, 'POST', '/_local/recruiter-token', {
    body: { accountId, email: `admin@${label}.test`, role: 'admin' },
  });
  const token = field(minted, 'token');
  const settings = {
    portalEnabled: true,
    portalName: `${label} agency`,
    notificationEmail: `ops@${label}.test`,
  };
  await call(app, 'PATCH', '/crm/account', { token, body: settings });
  return { accountId, token };
}

/** Bounded poll until the stream and the bus have settled everything written so far. */
export async function waitIdle(app: string, timeoutMs: number) {
  const since = Date.now();
  const deadline = since + timeoutMs;
  for (;;) {
    const res = await call(app, 'GET', `/_local/pipeline/idle?since=${since}`);
    if ((res.json as { idle?: boolean } | undefined)?.idle === true) return;
    if (Date.now() > deadline) throw new Error(`pipeline still busy after ${timeoutMs} ms: ${res.text}`);
    await delay(100);
  }
}

export async function runFaultScenario(o: ScenarioOptions): Promise<ScenarioResult> {
  const { app } = o;
  const log = o.log ?? (() => {});
  const concurrency = o.concurrency ?? 8;
  const main = await agency(app, 'faults');
  const off = await agency(app, 'addon-off');
  const counts = split(o.deactivations);
  const cascadeOrgs = Math.max(1, Math.ceil((counts[0] ?? 0) / 60));
  const [home, dest, stay, offOrg, ...doomed] = await Promise.all([
    organization(app, main.token, 'Home'),
    organization(app, main.token, 'Destination'),
    organization(app, main.token, 'Stays'),
    organization(app, off.token, 'Suspended client'),
    ...Array.from({ length: cascadeOrgs }, (_, i) => organization(app, main.token, `Deleted ${i}`)),
  ]);

  log(`seeding ${o.deactivations + o.survivors + o.suspended} portal users ...`);
  const plan: Deactivation[] = [];
  for (const [i, m] of mix.entries()) {
    const n = counts[i] ?? 0;
    if (m.action === 'cascade') {
      for (let k = 0; k < cascadeOrgs; k++) {
        const size = Math.floor(n / cascadeOrgs) + (k < n % cascadeOrgs ? 1 : 0);
        const users = await seedPortalUsers(main.accountId, doomed[k] as string, size, `org${k}`);
        plan.push(...users.map((user) => ({ user, ...m })));
      }
    } else {
      const users = await seedPortalUsers(main.accountId, home, n, m.action);
      plan.push(...users.map((user) => ({ user, ...m })));
    }
  }
  const survivors = await seedPortalUsers(main.accountId, stay, o.survivors, 'stays');
  const suspended = await seedPortalUsers(off.accountId, offOrg, o.suspended, 'off');
  await waitIdle(app, 60_000); // the seed's own stream records, before any fault is on

  const failedRequests: string[] = [];
  const expect = async (what: string, status: number, done: Promise<{ status: number; text: string }>) => {
    const res = await done;
    if (res.status !== status) failedRequests.push(`${what}: ${res.status} ${res.text.slice(0, 200)}`);
  };
  const crm = (method: string, path: string, body?: unknown) =>
    call(app, method, path, { token: main.token, ...(body !== undefined ? { body } : {}) });
  const contact = (u: SeededUser) => `/crm/contacts/${u.contactId}`;
  const act: Record<Deactivation['action'], (u: SeededUser) => Promise<void>> = {
    delete: (u) => expect('delete', 204, crm('DELETE', contact(u))),
    move: (u) => expect('move', 200, crm('PATCH', contact(u), { organizationId: dest })),
    unassign: (u) => expect('unassign', 200, crm('PATCH', contact(u), { organizationId: null })),
    email: (u) => expect('email', 200, crm('PATCH', contact(u), { email: `new-${u.email}` })),
    revoke: (u) => expect('revoke', 204, crm('DELETE', `${contact(u)}/portal-access`)),
    'move-then-delete': async (u) => {
      await expect('move', 200, crm('PATCH', contact(u), { organizationId: dest }));
      await expect('delete', 204, crm('DELETE', contact(u)));
    },
    cascade: async () => {},
  };
  const tasks: (() => Promise<void>)[] = [
    ...plan.filter((d) => d.action !== 'cascade').map((d) => () => act[d.action](d.user)),
    ...doomed.map(
      (org) => () => expect('delete organization', 204, crm('DELETE', `/crm/organizations/${org}`)),
    ),
    ...survivors.map((u, i) => () => {
      const sourceIp = `10.77.${Math.floor(i / 250)}.${(i % 250) + 1}`;
      return expect(
        'login links',
        202,
        call(app, 'POST', '/portal/login-links', { body: { email: u.email }, sourceIp }),
      );
    }),
    // B23: each survivor's requisition is one e-mail to the agency's notification address.
    ...survivors.map((u) => () => {
      const body = {
        title: requisitionTitle(u),
        description: 'Under faults',
        employmentType: 'full_time',
        openings: 1,
      };
      const cookie = `portal_session=${u.sessionToken}`;
      return expect('requisition', 201, call(app, 'POST', '/portal/requisitions', { cookie, body }));
    }),
    () =>
      expect(
        'add-on off',
        200,
        call(app, 'PATCH', '/crm/account', { token: off.token, body: { portalEnabled: false } }),
      ),
  ];

  log(`faults on; ${tasks.length} requests, ${concurrency} at a time ...`);
  o.faults.set(o.faultOptions);
  const started = performance.now();
  await pool(shuffled(tasks, o.faultOptions.seed ?? 1), concurrency);
  log(
    `requests done in ${((performance.now() - started) / 1000).toFixed(1)} s; waiting for the pipeline ...`,
  );
  await waitIdle(app, o.settleTimeoutMs ?? 300_000);
  const seconds = (performance.now() - started) / 1000;
  const faults = { ...o.faults.counts() };
  o.faults.set({});

  log('reading the end state ...');
  const findings: Findings = {
    done: 0,
    lost: [],
    duplicatedAudit: 0,
    emailsExpected: survivors.length * 2,
    emailsSent: 0,
    emailsTwice: 0,
    emailsLost: 0,
    suspendedExpected: suspended.length,
    suspendedRefused: 0,
    touchedByMistake: [],
  };
  const store = (await (await fetch(`${o.mailUrl}/store`)).json()) as { emails?: StoredMail[] };
  const mails = store.emails ?? [];
  await pool(
    [
      ...plan.map((d) => () => checkDeactivation(d, findings)),
      ...survivors.map((u) => () => checkSurvivor(u, mails, findings)),
      ...suspended.map((u) => () => checkSuspended(app, u, findings)),
    ],
    concurrency,
  );
  const dead = (await call(app, 'GET', '/_local/bus/dead-letters')).json as { deadLetters: unknown[] };
  const failures = (await call(app, 'GET', '/_local/stream/failures')).json as {
    failures: { record: { dynamodb?: { SequenceNumber?: string } } }[];
  };
  const poison = failures.failures.filter((f) =>
    (f.record.dynamodb?.SequenceNumber ?? '').endsWith('-poison'),
  );
  const byCause: Record<string, number> = {};
  for (const d of plan) byCause[d.cause] = (byCause[d.cause] ?? 0) + 1;
  return {
    ...findings,
    expected: plan.length,
    byCause,
    faults,
    deadLetters: dead.deadLetters.length,
    streamFailures: failures.failures.length - poison.length,
    poisonGivenUp: poison.length,
    failedRequests,
    seconds,
  };
}
