import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../../local/stack.ts';
import type { runFaultScenario as RunFaultScenario } from '../../../scripts/bench/faults-scenario.ts';
import { quietInjectedFaults } from '../../../scripts/bench/faults-quiet.ts';
import { webFixture } from '../../support/web-fixture.ts';

/**
 * The pipeline under every fault the local stack can inject (docs/faults.md), on a stack of its
 * own: the shared one serves other test files at the same time, which must not see the faults.
 * The same scenario as `npm run bench:faults`, at 20 deactivations.
 */
let stack: LocalStack | undefined;
let runFaultScenario: typeof RunFaultScenario;
let restoreConsole = () => {};
const envBefore = { ...process.env };

beforeAll(async () => {
  restoreConsole = quietInjectedFaults();
  const { startLocalStack } = await import('../../../local/stack.ts');
  stack = await startLocalStack({
    port: 0,
    mailPort: 0,
    dynamodbPort: 0,
    persist: false,
    webRoot: webFixture,
    faults: {},
  });
  ({ runFaultScenario } = await import('../../../scripts/bench/faults-scenario.ts'));
}, 60_000);

afterAll(async () => {
  await stack?.stop();
  restoreConsole();
  // The stack pointed this worker's env at itself; later test files in this worker must not inherit it.
  for (const name of Object.keys(process.env)) if (!(name in envBefore)) delete process.env[name];
  Object.assign(process.env, envBefore);
}, 30_000);

describe('B15–B23 under injected faults', () => {
  it('B19 B20 B23 no deactivation is lost and none is done twice when deliveries fail, repeat, overtake each other, PutEvents refuses entries and a poison record blocks the stream', async () => {
    const running = stack as LocalStack;
    const options = {
      throwBeforeFirst: 0.2,
      throwAfterFirst: 0.2,
      duplicate: 0.3,
      reorder: 0.3,
      maxDelayMs: 200,
      putEventsFailure: 0.3,
      // Every publisher batch crashes once after publishing (then bisected): the stream's batch count
      // depends on timing, and a lower rate could miss them all in so small a run.
      streamThrowAfter: 1,
      poisonRecords: 1,
      seed: 7,
    };
    const r = await runFaultScenario({
      app: running.urls.app,
      mailUrl: running.urls.mail,
      faults: running.faults as NonNullable<LocalStack['faults']>,
      faultOptions: options,
      deactivations: 20,
      survivors: 4,
      suspended: 2,
      settleTimeoutMs: 20_000,
    });
    // Every kind was injected at least once, or the run proves nothing about it.
    expect(
      Object.values(r.faults).every((n) => n > 0),
      JSON.stringify(r.faults),
    ).toBe(true);
    expect({
      done: r.done,
      lost: r.lost,
      duplicatedAudit: r.duplicatedAudit,
      emailsSent: r.emailsSent,
      emailsTwice: r.emailsTwice,
      emailsLost: r.emailsLost,
      suspendedRefused: r.suspendedRefused,
      touchedByMistake: r.touchedByMistake,
      deadLetters: r.deadLetters,
      streamFailures: r.streamFailures,
      poisonGivenUp: r.poisonGivenUp,
      failedRequests: r.failedRequests,
    }).toEqual({
      done: 20,
      lost: [],
      duplicatedAudit: 0,
      emailsSent: 8,
      emailsTwice: 0,
      emailsLost: 0,
      suspendedRefused: 2,
      touchedByMistake: [],
      deadLetters: 0,
      streamFailures: 0,
      poisonGivenUp: 1,
      failedRequests: [],
    });
  }, 45_000);

  it('B7 a login-link request whose PutEvents entry is refused still answers 202, and its e-mail goes out once', async () => {
    const running = stack as LocalStack;
    const app = running.urls.app;
    const { call, field } = await import('../../../scripts/bench/http.ts');
    const { seedPortalUsers } = await import('../../../scripts/bench/faults-seed.ts');
    const { agency, waitIdle } = await import('../../../scripts/bench/faults-scenario.ts');
    const { accountId, token } = await agency(app, 'refused');
    const org = field(await call(app, 'POST', '/crm/organizations', { token, body: { name: 'Org' } }), 'id');
    const [user] = await seedPortalUsers(accountId, org, 1, 'refused');
    const email = user?.email ?? '';
    // Every entry is refused the first time it is put (FailedEntryCount 1 inside a 200 answer).
    running.faults?.set({ putEventsFailure: 1 });
    try {
      const res = await call(app, 'POST', '/portal/login-links', { body: { email }, sourceIp: '10.88.0.1' });
      expect(res.status).toBe(202);
      await waitIdle(app, 15_000);
      const store = (await (await fetch(`${running.urls.mail}/store`)).json()) as {
        emails: { destination?: { to?: string[] } }[];
      };
      expect(
        store.emails.filter((m) => (m.destination?.to ?? []).some((a) => a.includes(email))),
      ).toHaveLength(1);
      expect(running.faults?.counts().putEventsFailure).toBeGreaterThan(0);
    } finally {
      running.faults?.set({});
    }
  });
});
