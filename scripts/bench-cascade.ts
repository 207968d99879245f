/**
 * `npm run bench:cascade` — B15 at scale, through the local stack: an organization with 2,000
 * contacts, 200 of them active portal users (each with a session and a login-email entry), is
 * deleted with `DELETE /crm/organizations/{id}`. Prints the time until every portal user is
 * deactivated (audited) and the DynamoDB requests the cascade used, counted on real requests.
 */
import { startLocalStack, type LocalStack } from '../local/stack.ts';
import { call } from './bench/http.ts';

const contacts = Number(process.env.CASCADE_CONTACTS ?? 2000);
const portalUsers = Number(process.env.CASCADE_PORTAL_USERS ?? 200);
const log = (line: string) => process.stderr.write(`${line}\n`);
let stack: LocalStack | undefined;

type BusRecord = {
  event: { id: string; 'detail-type': string };
  deliveries: { rule: string; status: string; dynamodbCommands?: string[] }[];
};

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

  const started = performance.now();
  const deleted = await call(app, 'DELETE', `/crm/organizations/${orgId}`, { token });
  if (deleted.status !== 204) throw new Error(`DELETE answered ${deleted.status}`);
  // The cascade may continue in follow-up OrganizationDeleted events: sum every one of them.
  const cascadeRuns = new Map<string, string[]>();
  const since = Date.now();
  for (;;) {
    const { events } = (await call(app, 'GET', '/_local/bus/events')).json as { events: BusRecord[] };
    for (const e of events.filter((x) => x.event['detail-type'] === 'OrganizationDeleted')) {
      const run = e.deliveries[0];
      if (run?.status === 'delivered') cascadeRuns.set(e.event.id, run.dynamodbCommands ?? []);
    }
    if (await idle(since)) break;
    if (performance.now() - started > 600_000) throw new Error('pipeline still busy after 10 minutes');
    await new Promise((r) => setTimeout(r, 100));
  }
  const seconds = (performance.now() - started) / 1000;
  const deactivated = await seeded.countDeactivated();
  const cascadeCommands = [...cascadeRuns.values()].flat();
  const writes = cascadeCommands.filter((c) => c === 'TransactWriteItems' || c === 'BatchWriteItem').length;
  const queries = cascadeCommands.filter((c) => c === 'Query').length;
  const bound = Math.ceil(contacts / 25);
  console.log(
    `| contacts | portal users | deactivated | time to all deactivated | cascade runs | cascade writes | bound ceil(N/25) | cascade query pages |`,
  );
  console.log(`|---|---|---|---|---|---|---|---|`);
  console.log(
    `| ${contacts} | ${portalUsers} | ${deactivated} | ${seconds.toFixed(1)} s | ${cascadeRuns.size} | ${writes} | ${bound} | ${queries} |`,
  );
  console.log(
    `ratio writes/bound ${(writes / bound).toFixed(2)}; per portal user ${((seconds * 1000) / Math.max(portalUsers, 1)).toFixed(1)} ms`,
  );
  if (deactivated !== portalUsers || writes > bound || writes === 0) process.exitCode = 1;
}

main()
  .catch((error: unknown) => {
    log(`bench:cascade failed: ${String(error instanceof Error ? error.stack : error)}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    await stack?.stop();
  });
