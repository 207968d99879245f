/**
 * `npm run bench:requests`: DynamoDB requests per route, counted on real requests.
 *
 * Starts the local stack in-process on free ports, drives every route of the route table through
 * the real handlers against DynamoDB Local (a realistic scenario plus cheap failure cases), reads
 * the local-only `x-local-dynamodb-*` response headers, times the read routes, and prints a
 * Markdown table and a summary on stdout (progress goes to stderr). Exit 1 if a route of the
 * table was not covered. Timings are local and indicative only.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { startLocalStack, type LocalStack } from '../local/stack.ts';
import { call, field } from './bench/http.ts';
import { Recorder } from './bench/recorder.ts';
import { buildReport } from './bench/report.ts';
import { runScenario } from './bench/scenario.ts';

const warmUpCalls = 50;
const log = (line: string) => process.stderr.write(`${line}\n`);

let stack: LocalStack | undefined;
let stopping = false;

async function shutdown(code: number): Promise<never> {
  if (stopping) process.exit(code);
  stopping = true;
  log('Stopping the local stack…');
  await stack?.stop().catch((error: unknown) => log(`bench: stop failed: ${String(error)}`));
  process.exit(code);
}

process.on('SIGINT', () => void shutdown(130));
process.on('SIGTERM', () => void shutdown(143));

async function recruiterToken(app: string, accountId: string): Promise<string> {
  const res = await fetch(`${app}/_local/recruiter-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ accountId, email: `admin@${accountId}.example.com`, role: 'admin' }),
  });
  if (res.status !== 200) throw new Error(`recruiter-token answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

async function bench(started: LocalStack): Promise<number> {
  const runId = `bench-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const token = await recruiterToken(started.urls.app, runId);
  // Warm-up: a fresh DynamoDB Local (a JVM) and the first load of a handler are slow; keep them out of the figures.
  log(`Warming up (${warmUpCalls} calls)…`);
  for (let i = 0; i < warmUpCalls; i++) {
    field(await call(started.urls.app, 'GET', '/crm/account', { token }), 'portalName');
  }
  const recorder = new Recorder(started.urls.app, log);
  log('Running the scenario…');
  let failure: unknown;
  try {
    await runScenario({
      bench: recorder,
      token,
      mailUrl: started.urls.mail,
      mailDomain: `${runId}.example.com`,
      log,
    });
  } catch (error) {
    failure = error;
  }
  const accessPatterns = await readFile(
    new URL('../shared/data/ACCESS-PATTERNS.md', import.meta.url),
    'utf8',
  );
  const report = buildReport({
    measurements: recorder.measurements,
    notMeasured: recorder.notMeasured,
    comparison: recorder.comparison,
    accessPatterns,
  });
  console.log(report.text);
  if (failure !== undefined) {
    log(`bench: the scenario stopped early: ${failure instanceof Error ? failure.stack : String(failure)}`);
    return 1;
  }
  if (report.notCovered.length > 0) log(`bench: ${report.notCovered.length} route(s) not covered`);
  return report.notCovered.length > 0 ? 1 : 0;
}

const t0 = Date.now();
log('Starting the local stack (DynamoDB Local takes a few seconds)…');
try {
  stack = await startLocalStack({ port: 0, mailPort: 0, dynamodbPort: 0, persist: false });
  log(`Local stack up in ${((Date.now() - t0) / 1000).toFixed(1)} s at ${stack.urls.app}`);
  if (stopping) await shutdown(130);
  const code = await bench(stack);
  log(`Done in ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
  await shutdown(code);
} catch (error) {
  log(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  await shutdown(1);
}
