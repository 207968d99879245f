import { randomUUID } from 'node:crypto';
import type { DynamoDBRecord } from 'aws-lambda';
import { recordLabel } from './stream-record.ts';
import type { FailedRecord } from './stream-retry.ts';

/**
 * A record given up after every retry. `DDBStreamBatchInfo` is what an on-failure destination
 * receives in AWS (metadata only); `record` is a local extra, so the failure can be looked at.
 */
export interface OnFailureEntry {
  /** Names it for `npm run redrive` (docs/redrive.md). */
  id: string;
  failedAt: string;
  attempts: number;
  lastError: string;
  DDBStreamBatchInfo: {
    shardId: string;
    startSequenceNumber: string;
    endSequenceNumber: string;
    approximateArrivalOfFirstRecord: string;
    approximateArrivalOfLastRecord: string;
    batchSize: 1;
    streamArn: string;
  };
  record: DynamoDBRecord;
}

export interface StreamCounts {
  /** Records read from the stream. */
  seen: number;
  /** Matched no filter pattern: never handed to the publisher, as Lambda skips them. */
  filteredOut: number;
  /** Handed to the publisher (then delivered, or given up: see `failed`). */
  forwarded: number;
  failed: number;
}

/** Counters and the most recent records (labels with keys and sequence number) for `/_local/stream/*`. */
export function createStreamStats(keep = 500) {
  const counts: StreamCounts = { seen: 0, filteredOut: 0, forwarded: 0, failed: 0 };
  const recent = { forwarded: [] as string[], filteredOut: [] as string[] };
  const failures: OnFailureEntry[] = [];
  const remember = (list: string[], records: readonly DynamoDBRecord[]) => {
    list.push(...records.map(recordLabel));
    if (list.length > keep) list.splice(0, list.length - keep);
  };

  return {
    counts: (): StreamCounts => ({ ...counts }),
    recent: () => ({ forwarded: [...recent.forwarded], filteredOut: [...recent.filteredOut] }),
    failures: (): readonly OnFailureEntry[] => failures,
    /** Takes one entry off the list (redriven); false when it is not there (any more). */
    removeFailure(id: string): boolean {
      const at = failures.findIndex((entry) => entry.id === id);
      if (at >= 0) failures.splice(at, 1);
      return at >= 0;
    },
    noteRead(all: readonly DynamoDBRecord[], passing: readonly DynamoDBRecord[]) {
      const skipped = all.filter((record) => !passing.includes(record));
      counts.seen += all.length;
      counts.filteredOut += skipped.length;
      counts.forwarded += passing.length;
      remember(recent.filteredOut, skipped);
      remember(recent.forwarded, passing);
    },
    noteFailed(failed: FailedRecord, where: { shardId: string; streamArn: string }) {
      const sequence = failed.record.dynamodb?.SequenceNumber ?? '';
      const created = failed.record.dynamodb?.ApproximateCreationDateTime ?? Date.now() / 1000;
      const arrival = new Date(created * 1000).toISOString();
      const entry: OnFailureEntry = {
        id: randomUUID(),
        failedAt: new Date().toISOString(),
        attempts: failed.attempts,
        lastError: failed.lastError,
        DDBStreamBatchInfo: {
          ...where,
          startSequenceNumber: sequence,
          endSequenceNumber: sequence,
          approximateArrivalOfFirstRecord: arrival,
          approximateArrivalOfLastRecord: arrival,
          batchSize: 1,
        },
        record: failed.record,
      };
      counts.failed += 1;
      failures.push(entry);
      if (failures.length > keep) failures.shift();
      // Where AWS would hand it to the on-failure destination; loud, since nothing retries it.
      console.error(
        `local stream: ON-FAILURE ${recordLabel(failed.record)} in ${where.shardId} after ` +
          `${failed.attempts} attempts: ${failed.lastError}`,
      );
      return entry;
    },
  };
}

export type StreamStats = ReturnType<typeof createStreamStats>;
