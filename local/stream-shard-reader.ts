import {
  ExpiredIteratorException,
  GetRecordsCommand,
  type DynamoDBStreamsClient,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';
import type { FaultInjector } from './fault-injection.ts';
import { passesFilters, type FilterPattern } from './stream-filter-match.ts';
import { toLambdaRecord } from './stream-record.ts';
import { deliverInOrder, type InvokeBatch, type RetryOptions } from './stream-retry.ts';
import type { ShardCursor, ShardTracker } from './stream-shards.ts';
import type { StreamStats } from './stream-stats.ts';

export interface ShardReaderOptions {
  client: DynamoDBStreamsClient;
  streamArn: string;
  tracker: ShardTracker;
  patterns: readonly FilterPattern[];
  invoke: InvokeBatch;
  stats: StreamStats;
  retry?: Omit<RetryOptions, 'onFailure' | 'signal'>;
  signal: AbortSignal;
  /** Fault injection (`docs/faults.md`); none by default. */
  faults?: FaultInjector;
}

/** What one read of a shard found: nothing, records (read again at once), or the shard's end. */
export type ShardRead = 'empty' | 'busy' | 'ended';

/**
 * One GetRecords on one shard, then its records in order: filtered as the mapping's filter
 * criteria do, the rest delivered with retries. The iterator only moves on once every record of
 * the page is settled, so nothing of a shard runs ahead of a record still being retried.
 */
export function createShardReader(options: ShardReaderOptions) {
  const { client, streamArn, tracker, patterns, stats, signal } = options;

  const handle = async (cursor: ShardCursor, records: DynamoDBRecord[]) => {
    const passing = records.filter((record) => passesFilters(patterns, record));
    stats.noteRead(records, passing);
    const where = { shardId: cursor.shardId, streamArn };
    const delivery = options.faults?.stream(passing, options.invoke) ?? {
      records: passing,
      invoke: options.invoke,
    };
    const outcome = await deliverInOrder(delivery.records, delivery.invoke, {
      ...options.retry,
      signal,
      onFailure: (failed) => stats.noteFailed(failed, where),
    });
    if (outcome.undelivered > 0)
      console.warn(
        `local stream: stopping, ${outcome.undelivered} records of ${cursor.shardId} not delivered`,
      );
    else cursor.lastSequenceNumber = records.at(-1)?.dynamodb?.SequenceNumber;
  };

  return async (cursor: ShardCursor): Promise<ShardRead> => {
    let page;
    try {
      page = await client.send(new GetRecordsCommand({ ShardIterator: cursor.iterator }), {
        abortSignal: signal,
      });
    } catch (error) {
      if (!(error instanceof ExpiredIteratorException)) throw error;
      await tracker.renew(cursor);
      return 'busy';
    }
    const records = (page.Records ?? []).map((record) => toLambdaRecord(record, streamArn));
    if (records.length > 0) await handle(cursor, records);
    cursor.iterator = page.NextShardIterator;
    if (cursor.iterator) return records.length > 0 ? 'busy' : 'empty';
    tracker.finish(cursor); // closed and read to its end: its children start after the next describe
    return 'ended';
  };
}
