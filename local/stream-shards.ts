import {
  DescribeStreamCommand,
  GetShardIteratorCommand,
  type DynamoDBStreamsClient,
  type Shard,
  type ShardIteratorType,
} from '@aws-sdk/client-dynamodb-streams';

/** Where the poller stands in one shard. */
export interface ShardCursor {
  shardId: string;
  /** Undefined once the shard is closed and read to its end. */
  iterator: string | undefined;
  /** Where it started, and the last record handled (delivered, filtered out or given up): resume points. */
  startedAt: 'TRIM_HORIZON' | 'LATEST';
  lastSequenceNumber?: string;
}

export interface ShardTracker {
  /** DescribeStream (every page), then an iterator for each shard that may be read now. */
  refresh(): Promise<void>;
  active(): ShardCursor[];
  /** A closed shard read to its end: its children may start at the next refresh. */
  finish(cursor: ShardCursor): void;
  /** A fresh iterator after ExpiredIteratorException: just after the last handled record. */
  renew(cursor: ShardCursor): Promise<void>;
}

export interface ShardTrackerOptions {
  client: DynamoDBStreamsClient;
  streamArn: string;
  /** For the shards open at start: TRIM_HORIZON on a fresh table, LATEST on a persisted one. */
  startAt: 'TRIM_HORIZON' | 'LATEST';
  signal: AbortSignal;
}

/**
 * The stream's shards as an event source mapping follows them: a child shard starts only once
 * its parent has been read to the end (per-item order survives a shard split), shards that appear
 * later start at their beginning, and finished shards are remembered so they are never re-read.
 */
export function createShardTracker(options: ShardTrackerOptions): ShardTracker {
  const { client, streamArn, signal } = options;
  const active = new Map<string, ShardCursor>();
  const finished = new Set<string>();
  let firstRefresh = true;

  const iterator = async (shardId: string, type: ShardIteratorType, sequence?: string) => {
    const input = {
      StreamArn: streamArn,
      ShardId: shardId,
      ShardIteratorType: type,
      SequenceNumber: sequence,
    };
    return (await client.send(new GetShardIteratorCommand(input), { abortSignal: signal })).ShardIterator;
  };

  const describe = async (): Promise<Shard[]> => {
    const shards: Shard[] = [];
    let ExclusiveStartShardId: string | undefined;
    do {
      const command = new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId });
      const page = await client.send(command, { abortSignal: signal });
      shards.push(...(page.StreamDescription?.Shards ?? []));
      ExclusiveStartShardId = page.StreamDescription?.LastEvaluatedShardId;
    } while (ExclusiveStartShardId);
    return shards;
  };

  return {
    async refresh() {
      const shards = await describe();
      const known = new Set(shards.map((s) => s.ShardId));
      const atStart = firstRefresh;
      for (const shard of shards) {
        const id = shard.ShardId;
        if (!id || active.has(id) || finished.has(id)) continue;
        const closed = shard.SequenceNumberRange?.EndingSequenceNumber !== undefined;
        // LATEST on a persisted table: records written before this run were handled by an earlier one.
        if (atStart && options.startAt === 'LATEST') {
          if (closed) finished.add(id);
          else active.set(id, { shardId: id, startedAt: 'LATEST', iterator: await iterator(id, 'LATEST') });
          continue;
        }
        const parent = shard.ParentShardId;
        if (parent && known.has(parent) && !finished.has(parent)) continue;
        active.set(id, {
          shardId: id,
          startedAt: 'TRIM_HORIZON',
          iterator: await iterator(id, 'TRIM_HORIZON'),
        });
      }
      firstRefresh = false;
    },
    active: () => [...active.values()],
    finish(cursor) {
      active.delete(cursor.shardId);
      finished.add(cursor.shardId);
    },
    async renew(cursor) {
      cursor.iterator = cursor.lastSequenceNumber
        ? await iterator(cursor.shardId, 'AFTER_SEQUENCE_NUMBER', cursor.lastSequenceNumber)
        : await iterator(cursor.shardId, cursor.startedAt);
    },
  };
}
