import { api } from './api.ts';

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
