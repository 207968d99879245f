import { randomUUID } from 'node:crypto';
import { busOf, type EventRule } from '../shared/events/rules.ts';
import { localAwsAccountId } from './api-event.ts';
import { localAwsIdentity } from './aws-identity.ts';
import { createBusStats, type BusStats } from './bus-stats.ts';
import type { FaultInjector } from './fault-injection.ts';
import {
  createDeliveryQueue,
  ruleTimeoutMs,
  type DeliveryOptions,
  type DeliveryState,
} from './event-delivery.ts';

/** The project's bus as the local stack names it; the handlers get it as EVENT_BUS_NAME. */
export const localBusName = 'client-portal-local';

/** The envelope a rule's target receives, field for field as EventBridge builds it. */
export interface BusEvent {
  version: '0';
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: Record<string, unknown>;
}

/** A PutEvents entry that passed validation. */
export interface AcceptedEntry {
  source: string;
  detailType: string;
  detail: Record<string, unknown>;
  time?: Date;
  resources?: string[];
}

export interface BusEventRecord {
  event: BusEvent;
  /** `project` for the project's bus, `default` for the account's default bus (where SES publishes). */
  bus: 'project' | 'default';
  /** When PutEvents accepted it, ISO with milliseconds (the event's `time` has whole seconds only). */
  acceptedAt: string;
  /** One per matching rule; none when no rule matches (EventBridge accepts such events all the same). */
  deliveries: DeliveryState[];
}

/** One entry's outcome in a PutEvents answer. */
export type PutResult = { EventId: string } | { ErrorCode: string; ErrorMessage: string };

/**
 * A delivery that failed every attempt (`lastError` says why), with the event it carried: what the
 * rule's SQS dead-letter queue holds in AWS. `id` names it for `npm run redrive` (docs/redrive.md).
 */
export type DeadLetter = DeliveryState & { id: string; failedAt: string; event: BusEvent };

export interface LocalEventBus {
  readonly name: string;
  readonly arn: string;
  /** False until start() and after stop(): PutEvents is refused then. */
  readonly accepting: boolean;
  /**
   * Records the entries, schedules their deliveries and answers, in entry order, an id or a refusal.
   * `default`: the account's default bus, which the local SES publishes its e-mail events to.
   */
  put(entries: AcceptedEntry[], bus?: 'project' | 'default'): PutResult[];
  /** `put` for callers in this process: the ids of the entries accepted. */
  publish(entries: AcceptedEntry[], bus?: 'project' | 'default'): string[];
  events(): readonly BusEventRecord[];
  deadLetters(): readonly DeadLetter[];
  /** Takes one dead letter off the list (redriven); false when it is not there (any more). */
  removeDeadLetter(id: string): boolean;
  /** Counters since the start (local/bus-stats.ts): unlike events(), never trimmed. */
  stats(): BusStats;
  /**
   * Runs a handler under a shorter (or longer) timeout than its rule's until reset with undefined,
   * so tests see long work hand over within seconds (`PUT /_local/bus/timeouts`).
   */
  overrideTimeout(handler: string, timeoutMs: number | undefined): void;
  pending(): number;
  /** Call once the handlers' env is in place: their modules read it at the first import. */
  start(): void;
  stop(): Promise<void>;
}

export interface EventBusOptions extends Omit<DeliveryOptions, 'onDeadLetter' | 'onAttempt' | 'timeoutOf'> {
  rules: readonly EventRule[];
  name?: string;
  /** Settled events kept for `/_local/bus/events`; older ones are forgotten (memory stays bounded). */
  keep?: number;
  /** Fault injection (`docs/faults.md`); none by default. */
  faults?: FaultInjector;
}

/** EventBridge prints event times to the second: `2024-05-01T12:00:00Z`. */
const eventTime = (time: Date) => time.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** One value of a rule's detail pattern: a literal, or `{ exists }` (all the rule table uses). */
const valueMatches = (allowed: unknown, value: unknown) => {
  if (typeof allowed === 'object' && allowed !== null && 'exists' in allowed)
    return (allowed as { exists: boolean }).exists === (value !== undefined);
  return value === allowed;
};

const matches = (rule: EventRule, bus: 'project' | 'default', event: BusEvent) =>
  busOf(rule) === bus &&
  rule.source === event.source &&
  rule.detailTypes.includes(event['detail-type']) &&
  Object.entries(rule.detail ?? {}).every(([field, allowed]) =>
    allowed.some((a) => valueMatches(a, event.detail[field])),
  );

/** The local stand-in for the project's EventBridge bus and its rules (SPEC §5). */
export function createEventBus(options: EventBusOptions): LocalEventBus {
  const name = options.name ?? localBusName;
  const keep = options.keep ?? 1_000;
  const records: BusEventRecord[] = [];
  const deadLetters: DeadLetter[] = [];
  let accepting = false;
  const timeoutOverrides = new Map<string, number>();
  const timeoutOf = (rule: EventRule) => timeoutOverrides.get(rule.handler) ?? ruleTimeoutMs(rule);
  const stats = createBusStats(options.rules, timeoutOf);

  const queue = createDeliveryQueue({
    ...options,
    timeoutOf,
    onAttempt: stats.attempted,
    onDeadLetter(state, event) {
      const deadRule = options.rules.find((r) => r.id === state.rule);
      if (deadRule) stats.deadLettered(deadRule);
      const letter: DeadLetter = {
        ...state,
        id: randomUUID(),
        failedAt: new Date().toISOString(),
        event: event as BusEvent,
      };
      deadLetters.push(letter);
      if (deadLetters.length > keep) deadLetters.shift();
      // Where AWS would park it in the rule's SQS dead-letter queue; loud, since nothing retries it.
      console.error(
        `local bus: DEAD LETTER ${letter.event.id} (${letter.event['detail-type']}) for ${letter.rule} ` +
          `after ${letter.attempts} attempts: ${letter.lastError}`,
      );
    },
  });

  const forgetOldest = () => {
    while (records.length > keep && records[0]?.deliveries.every((d) => d.status !== 'pending'))
      records.shift();
  };

  function put(entries: AcceptedEntry[], bus: 'project' | 'default' = 'project'): PutResult[] {
    const acceptedAt = new Date().toISOString();
    const results = entries.map((entry): PutResult => {
      const plan = options.faults?.entry(entry);
      if (plan && 'refuse' in plan) return plan.refuse;
      const event: BusEvent = {
        version: '0',
        id: randomUUID(),
        'detail-type': entry.detailType,
        source: entry.source,
        account: localAwsAccountId,
        time: eventTime(entry.time ?? new Date()),
        region: localAwsIdentity.region,
        resources: entry.resources ?? [],
        detail: entry.detail,
      };
      const deliveries: DeliveryState[] = [];
      stats.event(event['detail-type'], event.detail);
      for (const rule of options.rules.filter((r) => matches(r, bus, event))) {
        // Without faults, one copy and no fault; with them, maybe a second copy (at least once).
        for (const fault of plan?.copies(rule.id) ?? [undefined]) {
          const state: DeliveryState = {
            rule: rule.id,
            handler: rule.handler,
            status: 'pending',
            attempts: 0,
          };
          deliveries.push(state);
          stats.enqueued(rule);
          queue.enqueue(rule, event, state, fault);
        }
      }
      records.push({ event, bus, acceptedAt, deliveries });
      return { EventId: event.id };
    });
    forgetOldest();
    return results;
  }

  return {
    name,
    arn: `arn:aws:events:${localAwsIdentity.region}:${localAwsAccountId}:event-bus/${name}`,
    get accepting() {
      return accepting;
    },
    put,
    publish: (entries, bus) => put(entries, bus).flatMap((r) => ('EventId' in r ? [r.EventId] : [])),
    events: () => records,
    deadLetters: () => deadLetters,
    removeDeadLetter(id) {
      const at = deadLetters.findIndex((letter) => letter.id === id);
      if (at >= 0) deadLetters.splice(at, 1);
      return at >= 0;
    },
    stats: () => stats.snapshot(),
    overrideTimeout(handler, timeoutMs) {
      if (timeoutMs === undefined) timeoutOverrides.delete(handler);
      else timeoutOverrides.set(handler, timeoutMs);
    },
    pending: () => queue.pending(),
    start() {
      accepting = true;
    },
    async stop() {
      accepting = false;
      await queue.stop();
    },
  };
}
