import { setTimeout as delay } from 'node:timers/promises';

export interface WaitOptions {
  what: string;
  timeoutMs: number;
  intervalMs?: number;
  /** Rejects early (e.g. the child process died), so a dead dependency fails fast. */
  abort?: Promise<never>;
}

/** Bounded polling: start-up time varies by machine, so never a fixed sleep. */
export async function waitUntil(check: () => Promise<boolean>, options: WaitOptions): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let settled = false;
  let lastError: unknown;
  const poll = async () => {
    while (!settled && Date.now() < deadline) {
      try {
        if (await check()) return;
      } catch (error) {
        lastError = error;
      }
      await delay(options.intervalMs ?? 100);
    }
    const reason = lastError instanceof Error ? `: ${lastError.message}` : '';
    throw new Error(`${options.what} was not ready after ${options.timeoutMs} ms${reason}`);
  };
  try {
    await (options.abort ? Promise.race([poll(), options.abort]) : poll());
  } finally {
    settled = true;
  }
}
