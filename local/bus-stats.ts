import { handOffField } from '../shared/events/catalog.ts';
import type { EventRule } from '../shared/events/rules.ts';

/** Counters of one rule's deliveries since the stack started; never trimmed, unlike the event records. */
export interface RuleStats {
  handler: string;
  /** The timeout the local bus enforces for this rule's handler now. */
  timeoutMs: number;
  deliveries: number;
  attempts: number;
  delivered: number;
  failedAttempts: number;
  timedOut: number;
  deadLetters: number;
  /** Every DynamoDB command its invocations sent, by name (counted like x-local-dynamodb-*). */
  dynamodbCommands: Record<string, number>;
}

export interface BusStats {
  events: number;
  /** Per detail type: events that were a hand-off of long work (their detail has `resumeAfter`). */
  handOffs: Record<string, number>;
  rules: Record<string, RuleStats>;
}

/** `GET /_local/bus/stats`: what benchmarks and tests count, however many events have passed. */
export function createBusStats(rules: readonly EventRule[], timeoutOf: (rule: EventRule) => number) {
  const byRule = new Map<string, Omit<RuleStats, 'timeoutMs'>>();
  const handOffs: Record<string, number> = {};
  let events = 0;
  const of = (rule: EventRule) => {
    let stats = byRule.get(rule.id);
    if (!stats) {
      stats = {
        handler: rule.handler,
        deliveries: 0,
        attempts: 0,
        delivered: 0,
        failedAttempts: 0,
        timedOut: 0,
        deadLetters: 0,
        dynamodbCommands: {},
      };
      byRule.set(rule.id, stats);
    }
    return stats;
  };
  for (const rule of rules) of(rule);
  return {
    event(detailType: string, detail: Record<string, unknown>) {
      events++;
      if (detail[handOffField] !== undefined) handOffs[detailType] = (handOffs[detailType] ?? 0) + 1;
    },
    enqueued: (rule: EventRule) => void of(rule).deliveries++,
    attempted(rule: EventRule, outcome: 'delivered' | 'failed' | 'timed out', commands: readonly string[]) {
      const stats = of(rule);
      stats.attempts++;
      if (outcome === 'delivered') stats.delivered++;
      else stats.failedAttempts++;
      if (outcome === 'timed out') stats.timedOut++;
      for (const name of commands) stats.dynamodbCommands[name] = (stats.dynamodbCommands[name] ?? 0) + 1;
    },
    deadLettered: (rule: EventRule) => void of(rule).deadLetters++,
    snapshot(): BusStats {
      const out: BusStats = { events, handOffs: { ...handOffs }, rules: {} };
      for (const rule of rules) {
        const stats = of(rule);
        out.rules[rule.id] = {
          ...stats,
          timeoutMs: timeoutOf(rule),
          dynamodbCommands: { ...stats.dynamodbCommands },
        };
      }
      return out;
    },
  };
}

export type BusStatsRecorder = ReturnType<typeof createBusStats>;
