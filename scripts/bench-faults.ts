/**
 * `npm run bench:faults` — the event pipeline under injected faults (docs/faults.md): at least
 * 500 portal users lose their access, for every cause at once, while every kind of fault the local
 * stack can inject is on. Prints what was expected, what was done, what was duplicated and what
 * was left in a dead-letter list; exits 1 unless nothing was lost and nothing duplicated.
 * FAULTS_DEACTIVATIONS, FAULTS_SURVIVORS, FAULTS_SEED change the run.
 */
import type { FaultOptions } from '../local/fault-injection.ts';
import type { LocalStack } from '../local/stack.ts';
import { quietInjectedFaults } from './bench/faults-quiet.ts';
import { report } from './bench/faults-report.ts';

const deactivations = Number(process.env.FAULTS_DEACTIVATIONS ?? 500);
const survivors = Number(process.env.FAULTS_SURVIVORS ?? 50);
const seed = Number(process.env.FAULTS_SEED ?? 12);
const log = (line: string) => process.stderr.write(`${line}\n`);

/** Every kind on, at rates that hit hundreds of deliveries in a run of 500. */
export const benchFaults: FaultOptions = {
  throwBeforeFirst: 0.1,
  throwAfterFirst: 0.1,
  duplicate: 0.2,
  reorder: 0.3,
  maxDelayMs: 400,
  putEventsFailure: 0.1,
  streamThrowAfter: 0.3,
  poisonRecords: 3,
  seed,
};

let stack: LocalStack | undefined;

async function main() {
  quietInjectedFaults();
  // Imported after the line above: the handlers' logger reads its level at the first import.
  const { startLocalStack } = await import('../local/stack.ts');
  stack = await startLocalStack({ port: 0, mailPort: 0, dynamodbPort: 0, persist: false, faults: {} });
  const faults = stack.faults;
  if (!faults) throw new Error('the local stack started without fault injection');
  // Shared modules read the env the local stack has just set: import them only now.
  const { runFaultScenario } = await import('./bench/faults-scenario.ts');
  const result = await runFaultScenario({
    app: stack.urls.app,
    mailUrl: stack.urls.mail,
    faults,
    faultOptions: benchFaults,
    deactivations,
    survivors,
    suspended: Math.max(1, Math.round(survivors / 2)),
    log,
  });
  const { lines, ok } = report(result, benchFaults);
  for (const line of lines) console.log(line);
  if (!ok) process.exitCode = 1;
}

main()
  .catch((error: unknown) => {
    log(`bench:faults failed: ${String(error instanceof Error ? error.stack : error)}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    await stack?.stop();
  });
