/**
 * `npm start`: the whole system on this machine, no AWS account (SPEC §5).
 * `npm start -- --persist` (or PERSIST=1) keeps the data under .local/; `--no-seed` skips the demo agency.
 * The web app is served from web/dist, built first when it is missing or older than its sources;
 * `/_local/health` is 200 once the demo data is in.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { banner } from '../local/banner.ts';
import { demoAccount, seedDemoAgency, type SeedResult } from '../local/seed-demo.ts';
import { startLocalStack, type LocalStack } from '../local/stack.ts';
import { ensureWebBuilt, webRoot } from '../lib/build/web-build.ts';

const persist = process.argv.includes('--persist') || ['1', 'true'].includes(process.env.PERSIST ?? '');
const seed = !process.argv.includes('--no-seed');

let stack: LocalStack | undefined;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) process.exit(code); // a second Ctrl-C: the 'exit' hooks still SIGKILL the children
  stopping = true;
  console.log('\nStopping the local stack…');
  await stack?.stop().catch((error: unknown) => console.error('local: stop failed', error));
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
process.on('uncaughtException', (error) => {
  console.error('local: uncaught exception', error);
  void shutdown(1);
});
process.on('unhandledRejection', (error) => {
  console.error('local: unhandled rejection', error);
  void shutdown(1);
});

const started = Date.now();
try {
  await ensureWebBuilt((line) => console.log(line));
} catch (error) {
  // The API still works without the app: the page routes then say how to build it.
  console.error('local: building the web app failed:', error instanceof Error ? error.message : error);
}
console.log('Starting the local stack (DynamoDB Local takes a few seconds)…');
try {
  // With the demo data, /_local/health answers 200 only once it is in (the `seed` component).
  stack = await startLocalStack({ persist, webRoot, pendingComponents: seed ? ['seed'] : [] });
} catch (error) {
  console.error('local: the stack did not start:', error instanceof Error ? error.message : error);
  process.exit(1);
}
if (stopping) await shutdown(0);
const startedMs = Date.now() - started;

const token = await stack.issuer.mint(demoAccount);
let seeded: SeedResult | 'disabled' | 'failed' = 'disabled';
if (seed) {
  try {
    seeded = await seedDemoAgency(stack.urls.app, token);
    stack.health.register('seed', async () => true);
  } catch (error) {
    seeded = 'failed';
    const message = error instanceof Error ? error.message : String(error);
    console.error(
      `\n!!! Seeding the demo agency failed; the stack keeps running without it.\n!!! ${message}\n`,
    );
  }
}
const webBuilt = existsSync(join(stack.webRoot, 'index.html'));
console.log(banner(stack, { startedMs, persist, token, seed: seeded, webBuilt }));
