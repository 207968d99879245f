/**
 * `npm run bench:cascade` — B15 at scale, through the local stack: an organization with 2,000
 * contacts, 200 of them active portal users (each with a session and a login-email entry), is
 * deleted with `DELETE /crm/organizations/{id}`. Prints the time until every portal user is
 * deactivated (audited) and the DynamoDB requests the cascade used, counted on real requests by the
 * local bus's counters (`/_local/bus/stats`), which keep every run however many events pass.
 */
import { startLocalStack, type LocalStack } from '../local/stack.ts';
import { call } from './bench/http.ts';

const contacts = Number(process.env.CASCADE_CONTACTS ?? 2000);
const portalUsers = Number(process.env.CASCADE_PORTAL_USERS ?? 200);
/** Optional: run the cascade under this timeout (ms) instead of its rule's, to see it hand over. */
const cascadeTimeoutMs = process.env.CASCADE_TIMEOUT_MS ? Number(process.env.CASCADE_TIMEOUT_MS) : undefined;
const log = (line: string) => process.stderr.write(`${line}\n`);
let stack: LocalStack | undefined;

type RuleStats = {
  delivered: number;
  timedOut: number;
  failedAttempts: number;
  deadLetters: number;
  dynamodbCommands: Record<string, number>;
};
type BusStats = { handOffs: Record<string, number>; rules: Record<string, RuleStats> };
const cascadeRule = 'cascade-organization';

async function main() {
  stack = await startLocalStack({ port: 0, mailPort: 0, dynamodbPort: 0, persist: false });
  const app = stack.urls.app;
  // Shared modules read the env the local stack has just set: import them only now.
  const { seedOrganization } = await import('./bench/cascade-seed.ts');
  const accountId = `cascade-${Date.now().toString(36)}`;
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
  const orgId = (
    (await call(app, 'POST', '/crm/organizations', { token, body: { name: 'Big Client' } })).json as {
      id: string;
    }
  ).id;
  log(`seeding ${contacts} contacts (${portalUsers} portal users) ...`);
  const seeded = await seedOrganization(accountId, orgId, contacts, portalUsers);
  const idle = async (since: number) =>
    ((await call(app, 'GET', `/_local/pipeline/idle?since=${since}`)).json as { idle?: boolean })?.idle ===
    true;
  for (const since = Date.now(); !(await idle(since)); ) await new Promise((r) => setTimeout(r, 100));

  if (cascadeTimeoutMs !== undefined) {
    const set = await call(app, 'PUT', '/_local/bus/timeouts', {
      body: { 'events/cascade-organization': cascadeTimeoutMs },
    });
    if (set.status !== 200) throw new Error(`timeout override answered ${set.status}`);
  }
  const stats = async () => (await call(app, 'GET', '/_local/bus/stats')).json as BusStats;
  const before = await stats();
  const started = performance.now();
  const deleted = await call(app, 'DELETE', `/crm/organizations/${orgId}`, { token });
  if (deleted.status !== 204) throw new Error(`DELETE answered ${deleted.status}`);
  // The cascade may continue in follow-up OrganizationDeleted events: the bus counts every run.
  for (const since = Date.now(); !(await idle(since)); ) {
    if (performance.now() - started > 600_000) throw new Error('pipeline still busy after 10 minutes');
    await new Promise((r) => setTimeout(r, 100));
  }
  const seconds = (performance.now() - started) / 1000;
  const deactivated = await seeded.countDeactivated();
  const after = await stats();
  const [b, a] = [before.rules[cascadeRule], after.rules[cascadeRule]];
  if (!a || !b) throw new Error(`no counters for ${cascadeRule}`);
  const command = (name: string) => (a.dynamodbCommands[name] ?? 0) - (b.dynamodbCommands[name] ?? 0);
  const writes = command('TransactWriteItems') + command('BatchWriteItem');
  const queries = command('Query');
  const runs = a.delivered - b.delivered;
  const handOffs = (after.handOffs.OrganizationDeleted ?? 0) - (before.handOffs.OrganizationDeleted ?? 0);
  const failures = a.failedAttempts - b.failedAttempts;
  const timedOut = a.timedOut - b.timedOut;
  const deadLetters = Object.values(after.rules).reduce((n, r) => n + r.deadLetters, 0);
  const bound = Math.ceil(contacts / 25);
  console.log(
    `| contacts | portal users | deactivated | time to all deactivated | cascade runs (hand-offs) | cascade writes | bound ceil(N/25) | cascade query pages | failed / timed out | dead letters |`,
  );
  console.log(`|---|---|---|---|---|---|---|---|---|---|`);
  console.log(
    `| ${contacts} | ${portalUsers} | ${deactivated} | ${seconds.toFixed(1)} s | ${runs} (${handOffs}) | ${writes} | ${bound} | ${queries} | ${failures} / ${timedOut} | ${deadLetters} |`,
  );
  console.log(
    `ratio writes/bound ${(writes / bound).toFixed(2)}; per portal user ${((seconds * 1000) / Math.max(portalUsers, 1)).toFixed(1)} ms`,
  );
  if (deactivated !== portalUsers || writes > bound || writes === 0 || failures > 0 || deadLetters > 0)
    process.exitCode = 1;
}

main()
  .catch((error: unknown) => {
    log(`bench:cascade failed: ${String(error instanceof Error ? error.stack : error)}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    await stack?.stop();
  });
