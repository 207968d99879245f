import type { DynamoDBRecord } from 'aws-lambda';
import type { InvokeBatch } from './stream-retry.ts';

/**
 * Faults the local pipeline can inject (off unless the stack is started with `faults`), each the
 * way AWS is allowed to behave: EventBridge delivers at least once, in no promised order, and a
 * target's attempt can fail after its work was done; PutEvents can refuse single entries inside a
 * successful call; a stream batch can be retried whole, and a record nobody can read is given up
 * to the on-failure destination. Rates are shares (0..1) of the deliveries, entries or batches
 * that come by; the choice is seeded, so one seed gives one run.
 */
export interface FaultOptions {
  /** Bus deliveries whose first attempt throws before the handler runs. */
  throwBeforeFirst?: number;
  /** Bus deliveries whose first attempt throws after the handler ran (its work done, its answer lost). */
  throwAfterFirst?: number;
  /** Bus deliveries made twice: a second copy of the same event, to the same rule, at about the same time. */
  duplicate?: number;
  /** Bus deliveries held back up to `maxDelayMs`, so events put later overtake them. */
  reorder?: number;
  maxDelayMs?: number;
  /** PutEvents entries refused (FailedEntryCount, per-entry InternalFailure) the first time they are put. */
  putEventsFailure?: number;
  /** Publisher invocations that throw after publishing: the batch is retried, its events put again. */
  streamThrowAfter?: number;
  /** Unreadable records slipped into stream batches, one per batch, until this many were sent. */
  poisonRecords?: number;
  seed?: number;
}

export type FaultKind =
  | 'throwBeforeFirst'
  | 'throwAfterFirst'
  | 'duplicate'
  | 'reorder'
  | 'putEventsFailure'
  | 'streamThrowAfter'
  | 'poisonRecord';

/** What one bus delivery (one copy of an event to one rule) should suffer. */
export interface DeliveryFault {
  delayMs?: number;
  /** The first attempt fails, before or after the handler ran. */
  failFirst?: 'before' | 'after';
}

/** The bus's one question per entry: refuse it, or deliver each matching rule these copies. */
export type EntryPlan =
  | { refuse: { ErrorCode: string; ErrorMessage: string } }
  | { copies: (rule: string) => DeliveryFault[] };

/** The injected errors, told apart from real ones in logs and outcomes by their name and text. */
export class InjectedFault extends Error {
  override readonly name = 'InjectedFault';
  constructor(what: string) {
    super(`injected fault: ${what}`);
  }
}

/** Marks the records this module made up: their sequence numbers end so. */
export const poisonSuffix = '-poison';
export const isPoison = (record: DynamoDBRecord) =>
  (record.dynamodb?.SequenceNumber ?? '').endsWith(poisonSuffix);

/** mulberry32: small, seedable, good enough to pick faults. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A record whose image no reader can decode (an attribute type DynamoDB does not have). */
function poisonRecord(next: DynamoDBRecord, n: number): DynamoDBRecord {
  return {
    ...next,
    eventID: `poison-${n}`,
    eventName: 'MODIFY',
    dynamodb: {
      ...next.dynamodb,
      Keys: { PK: { S: `POISON#${n}` }, SK: { S: '#POISON' } },
      NewImage: { PK: { S: `POISON#${n}` }, type: { Z: 'unreadable' } as never },
      OldImage: { PK: { S: `POISON#${n}` }, type: { Z: 'unreadable' } as never },
      SequenceNumber: `${next.dynamodb?.SequenceNumber ?? n}${poisonSuffix}`,
    },
  };
}

export function createFaultInjector(initial: FaultOptions = {}) {
  let options: FaultOptions = { ...initial };
  let chance = random(initial.seed ?? 1);
  const counts: Record<FaultKind, number> = {
    throwBeforeFirst: 0,
    throwAfterFirst: 0,
    duplicate: 0,
    reorder: 0,
    putEventsFailure: 0,
    streamThrowAfter: 0,
    poisonRecord: 0,
  };
  const refusedOnce = new Set<string>();
  const crashedBatches = new Set<string>();
  const hit = (rate: number | undefined, kind: FaultKind) => {
    if (!rate || chance() >= rate) return false;
    counts[kind] += 1;
    return true;
  };

  const oneDelivery = (): DeliveryFault => {
    const fault: DeliveryFault = {};
    if (hit(options.reorder, 'reorder')) fault.delayMs = Math.round(chance() * (options.maxDelayMs ?? 500));
    if (hit(options.throwBeforeFirst, 'throwBeforeFirst')) fault.failFirst = 'before';
    else if (hit(options.throwAfterFirst, 'throwAfterFirst')) fault.failFirst = 'after';
    return fault;
  };

  return {
    /** Replaces the options (all faults off with `{}`), and restarts the seeded choice. */
    set(next: FaultOptions) {
      options = { ...next };
      chance = random(next.seed ?? 1);
    },
    counts: (): Readonly<Record<FaultKind, number>> => ({ ...counts }),

    /** The local bus's hook: called once per PutEvents entry that passed validation. */
    entry(entry: { detailType: string; detail: unknown }): EntryPlan {
      const id = `${entry.detailType}#${JSON.stringify(entry.detail)}`;
      if (!refusedOnce.has(id) && hit(options.putEventsFailure, 'putEventsFailure')) {
        refusedOnce.add(id);
        return { refuse: { ErrorCode: 'InternalFailure', ErrorMessage: 'injected fault: entry refused' } };
      }
      return {
        copies: () => {
          const copies = [oneDelivery()];
          if (hit(options.duplicate, 'duplicate')) copies.push(oneDelivery());
          return copies;
        },
      };
    },

    /** The stream's hook: one shard page's records on their way to deliverInOrder, and the invoker. */
    stream(
      records: DynamoDBRecord[],
      invoke: InvokeBatch,
    ): { records: DynamoDBRecord[]; invoke: InvokeBatch } {
      let out = records;
      const first = records[0];
      if (first && counts.poisonRecord < (options.poisonRecords ?? 0)) {
        counts.poisonRecord += 1;
        const at = Math.floor(records.length / 2);
        out = [
          ...records.slice(0, at),
          poisonRecord(records[at] ?? first, counts.poisonRecord),
          ...records.slice(at),
        ];
      }
      const crashing: InvokeBatch = async (batch) => {
        const response = await invoke(batch);
        const key = batch[0]?.dynamodb?.SequenceNumber ?? '';
        if (!crashedBatches.has(key) && hit(options.streamThrowAfter, 'streamThrowAfter')) {
          crashedBatches.add(key);
          throw new InjectedFault('the publisher crashed after publishing');
        }
        return response;
      };
      return { records: out, invoke: options.streamThrowAfter ? crashing : invoke };
    },
  };
}

export type FaultInjector = ReturnType<typeof createFaultInjector>;
