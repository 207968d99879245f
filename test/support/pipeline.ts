import { api } from './api.ts';

export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** Names what was awaited in the error. */
  what?: string;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Bounded poll: answers the probe's first truthy value. A probe that throws counts as "not yet"
 * (the data may be mid-change); on time-out the error names what was awaited and the last answer
 * or error, so a failing test says more than "timed out".
 */
export async function waitFor<T>(
  probe: () => Promise<T | undefined | false>,
  { timeoutMs = 10_000, intervalMs = 25, what = 'condition' }: WaitOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() >= deadline) {
      const detail = last instanceof Error ? `threw ${last.message}` : `answered ${String(last)}`;
      throw new Error(`waitFor: ${what} not met within ${timeoutMs} ms (the last probe ${detail})`, {
        cause: last,
      });
    }
    await pause(intervalMs);
  }
}

/**
 * Waits until the whole event pipeline has settled: the stream poller read past every write made
 * before this call (and before `since`), no publisher invocation runs, and the local bus has
 * delivered everything — including what the handlers' own writes set off. `since` only ever moves
 * the bar later: writes awaited before this call are covered even when `since` was taken earlier.
 */
export async function waitForPipelineIdle({
  since = Date.now(),
  timeoutMs = 10_000,
  intervalMs = 25,
}: { since?: number; timeoutMs?: number; intervalMs?: number } = {}): Promise<void> {
  const bar = String(Math.max(since, Date.now()));
  let last = '';
  try {
    await waitFor(
      async () => {
        // The header too: the local gateway does not pass the query to local routes everywhere.
        const res = await api('GET', `/_local/pipeline/idle?since=${bar}`, {
          headers: { 'x-local-since': bar },
        });
        last = res.text;
        return res.status === 200 && res.json?.idle === true;
      },
      { timeoutMs, intervalMs, what: 'pipeline idle' },
    );
  } catch (error) {
    throw new Error(`local pipeline still busy after ${timeoutMs} ms: ${last}`, { cause: error });
  }
}
