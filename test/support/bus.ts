import type { BusStats } from '../../local/bus-stats.ts';
import { api } from './api.ts';

export type { BusStats };

/** Bounded poll until the local event bus has delivered everything it accepted (no fixed sleeps). */
export async function waitForBusIdle({ timeoutMs = 5_000, intervalMs = 25 } = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await api('GET', '/_local/bus/idle');
    if (res.status === 200 && res.json?.idle === true) return;
    if (Date.now() >= deadline) throw new Error(`local bus still busy after ${timeoutMs} ms: ${res.text}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** The local bus's counters (`GET /_local/bus/stats`, local/bus-stats.ts): never trimmed. */
export async function busStats(): Promise<BusStats> {
  const res = await api('GET', '/_local/bus/stats');
  if (res.status !== 200) throw new Error(`bus stats: ${res.status} ${res.text}`);
  return res.json as BusStats;
}

/** Runs rule handlers under these timeouts (ms; null: the rule's own again) on the shared local stack. */
export async function overrideTimeouts(timeouts: Record<string, number | null>): Promise<void> {
  const res = await api('PUT', '/_local/bus/timeouts', { body: timeouts });
  if (res.status !== 200) throw new Error(`timeout override: ${res.status} ${res.text}`);
}
