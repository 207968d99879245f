import { randomUUID } from 'node:crypto';
import { busOf, type EventRule } from '../shared/events/rules.ts';
import { localAwsAccountId } from './api-event.ts';
import { localAwsIdentity } from './aws-identity.ts';
import { createDeliveryQueue, type DeliveryOptions, type DeliveryState } from './event-delivery.ts';
import type { FaultInjector } from './fault-injection.ts';

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

/** A delivery that failed every attempt (`lastError` says why), with the event it carried. */
export type DeadLetter = DeliveryState & { failedAt: string; event: BusEvent };

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
  pending(): number;
  /** Call once the handlers' env is in place: their modules read it at the first import. */
  start(): void;
  stop(): Promise<void>;
}

export interface EventBusOptions extends Omit<DeliveryOptions, 'onDeadLetter'> {
  rules: readonly EventRule[];
  name?: string;
  /** Settled events kept for `/_local/bus/events`; older ones are forgotten (memory stays bounded). */
  keep?: number;
  /** Fault injection (`docs/faults.md`); none by default. */
  faults?: FaultInjector;
}

/** EventBridge prints event times to the second: `2024-05-01T12:00:00Z`. */
const eventTime = (time: Date) => time.toISOString().replace(/\.\d{3}Z$/, 'Z');

const matches = (rule: EventRule, bus: 'project' | 'default', event: BusEvent) =>
  busOf(rule) === bus && rule.source === event.source && rule.detailTypes.includes(event['detail-type']);

/** The local stand-in for the project's EventBridge bus and its rules (SPEC §5). */
export function createEventBus(options: EventBusOptions): LocalEventBus {
  const name = options.name ?? localBusName;
  const keep = options.keep ?? 1_000;
  const records: BusEventRecord[] = [];
  const deadLetters: DeadLetter[] = [];
  let accepting = false;

  const queue = createDeliveryQueue({
    ...options,
    onDeadLetter(state, event) {
      const letter: DeadLetter = { ...state, failedAt: new Date().toISOString(), event: event as BusEvent };
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
