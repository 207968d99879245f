export type ComponentCheck = () => Promise<boolean>;

export interface HealthReport {
  status: 'ok' | 'starting';
  components: Record<string, 'ok' | 'unavailable'>;
}

const checkTimeoutMs = 2_000;

/**
 * The components `/_local/health` waits for. Open-ended on purpose: the stream poller and the
 * local bus register themselves here when they exist, and health stays 503 until all answer.
 */
export class HealthRegistry {
  private readonly checks = new Map<string, ComponentCheck>();

  register(name: string, check: ComponentCheck): void {
    this.checks.set(name, check);
  }

  async report(): Promise<HealthReport> {
    const entries = await Promise.all(
      [...this.checks].map(async ([name, check]) => {
        const timeout = new Promise<false>((resolve) =>
          setTimeout(() => resolve(false), checkTimeoutMs).unref(),
        );
        const ok = await Promise.race([check().catch(() => false), timeout]);
        return [name, ok ? 'ok' : 'unavailable'] as const;
      }),
    );
    const components = Object.fromEntries(entries);
    const allOk = entries.length > 0 && entries.every(([, state]) => state === 'ok');
    return { status: allOk ? 'ok' : 'starting', components };
  }
}
