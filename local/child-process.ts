import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { Socket } from 'node:net';
import { fileURLToPath } from 'node:url';

const guardScript = fileURLToPath(new URL('./orphan-guard.js', import.meta.url));
const tailBytes = 8 * 1024;

export interface ManagedChild {
  name: string;
  /** Rejects when the process ends before stop(): races start-up polling so a crash fails fast. */
  exited: Promise<never>;
  /** The last few KB of its output, for error messages. */
  output(): string;
  stop(): Promise<void>;
}

const isRunning = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

async function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (!isRunning(child)) return true;
  const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
  return Promise.race([once(child, 'exit').then(() => true), timeout]);
}

/** A child that cannot outlive us: stop() escalates to SIGKILL, and an orphan guard covers crashes. */
export function manageChild(name: string, child: ChildProcess): ManagedChild {
  let tail = '';
  const collect = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-tailBytes);
  };
  // A pipe nobody reads fills up and blocks the child (DynamoDB Local logs on every start).
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  const guard =
    child.pid === undefined
      ? undefined
      : spawn(process.execPath, [guardScript, String(child.pid)], { stdio: ['pipe', 'ignore', 'ignore'] });
  guard?.unref();
  (guard?.stdin as Socket | null)?.unref();

  const killOnExit = () => {
    if (isRunning(child)) child.kill('SIGKILL');
  };
  process.on('exit', killOnExit);

  let stopping = false;
  const exited = new Promise<never>((_, reject) => {
    child.once('error', (error) => reject(new Error(`${name} could not start: ${error.message}`)));
    child.once('exit', (code, signal) => {
      if (!stopping) reject(new Error(`${name} exited (${signal ?? code}) during start-up:\n${tail}`));
    });
  });
  exited.catch(() => {}); // observed by whoever races it; never an unhandled rejection

  return {
    name,
    exited,
    output: () => tail,
    async stop() {
      stopping = true;
      if (isRunning(child)) {
        child.kill('SIGTERM');
        if (!(await waitForExit(child, 5_000))) {
          child.kill('SIGKILL');
          await waitForExit(child, 2_000);
        }
      }
      process.off('exit', killOnExit);
      if (guard && isRunning(guard)) guard.kill('SIGKILL');
    },
  };
}
