import { setTimeout as delay } from 'node:timers/promises';
import type { DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';

/** One invocation of the stream function; a throw is a function error, as in Lambda. */
export type InvokeBatch = (records: DynamoDBRecord[]) => Promise<DynamoDBBatchResponse | void | undefined>;

/** A record given up after every attempt: where AWS would send the on-failure destination its metadata. */
export interface FailedRecord {
  record: DynamoDBRecord;
  attempts: number;
  lastError: string;
}

export interface RetryOptions {
  /** The mapping's BatchSize. */
  batchSize?: number;
  /** MaximumRetryAttempts: a record is given up after 1 + this many failed invocations. */
  maxRetries?: number;
  /** Wait before the n-th retry of a record (index n - 1); the last value repeats. Short: it is local. */
  retryDelaysMs?: readonly number[];
  onFailure(failed: FailedRecord): void;
  /** Aborting ends the work between invocations; what is left is reported as `undelivered`. */
  signal?: AbortSignal;
}

export interface RetryOutcome {
  invocations: number;
  failed: number;
  /** Records never settled because the signal aborted (stop): neither delivered nor failed. */
  undelivered: number;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The index of the first record to retry, or -1 when the batch succeeded. As Lambda reads a
 * ReportBatchItemFailures answer: no answer or an empty list is success; an identifier that is
 * missing, empty or not in the batch makes the whole batch a failure; else the lowest one wins.
 */
export function firstFailedIndex(batch: readonly DynamoDBRecord[], response: unknown): number {
  const failures = (response as DynamoDBBatchResponse | undefined)?.batchItemFailures;
  if (!Array.isArray(failures) || failures.length === 0) return -1;
  const indexes = failures.map((f: { itemIdentifier?: unknown }) =>
    batch.findIndex((r) => r.dynamodb?.SequenceNumber === f?.itemIdentifier),
  );
  return indexes.includes(-1) ? 0 : Math.min(...indexes);
}

/**
 * Delivers one shard's records in order, as an event source mapping with ReportBatchItemFailures,
 * BisectBatchOnFunctionError and MaximumRetryAttempts does: records before the lowest reported
 * failure are done and the rest is retried from there; a batch whose invocation throws is split in
 * two (splitting does not use up retries, as in Lambda) until the failing record stands alone;
 * a record that failed 1 + maxRetries times goes to onFailure and delivery continues after it.
 * Nothing is dropped silently and nothing overtakes a record that is still being retried.
 */
export async function deliverInOrder(
  records: readonly DynamoDBRecord[],
  invoke: InvokeBatch,
  options: RetryOptions,
): Promise<RetryOutcome> {
  const { batchSize = 100, maxRetries = 5, retryDelaysMs = [50, 100, 200, 400, 800], signal } = options;
  const queue: DynamoDBRecord[][] = [];
  for (let i = 0; i < records.length; i += batchSize) queue.push(records.slice(i, i + batchSize));
  const failures = new Map<DynamoDBRecord, number>();
  const outcome: RetryOutcome = { invocations: 0, failed: 0, undelivered: 0 };

  while (queue.length > 0) {
    if (signal?.aborted) break;
    const batch = queue.shift() as DynamoDBRecord[];
    let failedAt: number;
    let error: string;
    let thrown = false;
    outcome.invocations += 1;
    try {
      const response = await invoke(batch);
      failedAt = firstFailedIndex(batch, response);
      error = 'reported as a batch item failure';
    } catch (e) {
      [failedAt, error, thrown] = [0, message(e), true];
    }
    if (failedAt < 0) continue;
    const rest = batch.slice(failedAt);
    if (thrown && rest.length > 1) {
      const half = Math.ceil(rest.length / 2);
      queue.unshift(rest.slice(0, half), rest.slice(half));
      continue;
    }
    const head = rest[0] as DynamoDBRecord;
    const attempts = (failures.get(head) ?? 0) + 1;
    failures.set(head, attempts);
    if (attempts > maxRetries) {
      outcome.failed += 1;
      options.onFailure({ record: head, attempts, lastError: error });
      if (rest.length > 1) queue.unshift(rest.slice(1));
      continue;
    }
    queue.unshift(rest);
    const wait = retryDelaysMs[Math.min(attempts, retryDelaysMs.length) - 1] ?? 0;
    await delay(wait, undefined, signal ? { signal } : {}).catch(() => {});
  }
  outcome.undelivered = queue.reduce((sum, batch) => sum + batch.length, 0);
  return outcome;
}
