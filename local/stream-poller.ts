import { setTimeout as delay } from 'node:timers/promises';
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { localAwsIdentity } from './aws-identity.ts';
import type { FaultInjector } from './fault-injection.ts';
import type { HandlerLoader } from './handler-loader.ts';
import { assertSupportedPatterns, type FilterPattern } from './stream-filter-match.ts';
import { createStreamInvoker } from './stream-invoke.ts';
import type { RetryOptions } from './stream-retry.ts';
import { createShardReader, type ShardRead } from './stream-shard-reader.ts';
import { createShardTracker } from './stream-shards.ts';
import { createStreamStats } from './stream-stats.ts';

export interface StreamPollerOptions {
  /** DynamoDB Local, with the identity every local client shares (it keeps one database per identity). */
  endpoint: string;
  /** Finds the table's stream (DescribeTable). */
  admin: DynamoDBClient;
  tableName: string;
  loadHandler: HandlerLoader;
  handlerId: string;
  patterns: readonly FilterPattern[];
  startAt: 'TRIM_HORIZON' | 'LATEST';
  /** Whether what the publisher feeds (the local bus) has nothing pending; read as each round starts. */
  downstreamIdle(): boolean;
  /** Wait after a round that read nothing: propagation stays far below a second. */
  pollIntervalMs?: number;
  /** DescribeStream at least this often (new shards), and at once when a shard ended. */
  describeEveryMs?: number;
  retry?: Omit<RetryOptions, 'onFailure' | 'signal'>;
  /** Fault injection (`docs/faults.md`); none by default. */
  faults?: FaultInjector;
}

const stopWaitMs = 2_000;
const errorBackoffMs = 500;

/** The local event source mapping: DynamoDB Local's stream → filter → the publisher Lambda (SPEC §5). */
export async function startStreamPoller(options: StreamPollerOptions) {
  const { tableName, patterns, pollIntervalMs = 50, describeEveryMs = 1_000 } = options;
  assertSupportedPatterns(patterns);
  const { Table } = await options.admin.send(new DescribeTableCommand({ TableName: tableName }));
  const streamArn = Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`local stream: table ${tableName} has no stream`);
  const client = new DynamoDBStreamsClient({
    ...localAwsIdentity,
    endpoint: options.endpoint,
    maxAttempts: 1, // the loop is the retry
    requestHandler: new NodeHttpHandler({ connectionTimeout: 1_000, requestTimeout: 5_000 }),
  });
  const stopping = new AbortController();
  const signal = stopping.signal;
  const tracker = createShardTracker({ client, streamArn, startAt: options.startAt, signal });
  const invoker = createStreamInvoker({ loadHandler: options.loadHandler, handlerId: options.handlerId });
  const stats = createStreamStats();
  let describedAt = 0;
  let describeNow = true;
  let rounds = 0;
  let failing = false;
  let quietRoundStartedAt = 0;

  const readShard = createShardReader({
    client,
    streamArn,
    tracker,
    patterns,
    invoke: invoker.invoke,
    stats,
    retry: options.retry,
    signal,
    faults: options.faults,
  });

  /** Every shard once, side by side (each in order); true when all were empty. */
  const round = async (): Promise<boolean> => {
    const startedAt = Date.now();
    const downstreamWasIdle = options.downstreamIdle();
    if (describeNow || startedAt - describedAt >= describeEveryMs) {
      await tracker.refresh();
      [describedAt, describeNow] = [Date.now(), false];
    }
    // allSettled: a failing shard must not let the next round start while another is mid-batch.
    const results = await Promise.allSettled(tracker.active().map(readShard));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    const reads = results.map((r) => (r as PromiseFulfilledResult<ShardRead>).value);
    rounds += 1;
    describeNow = reads.includes('ended'); // a closed shard's children may be waiting
    const quiet = reads.every((read) => read === 'empty');
    if (quiet && downstreamWasIdle) quietRoundStartedAt = startedAt;
    return quiet;
  };

  const loop = async () => {
    let errors = 0;
    while (!signal.aborted) {
      let wait = 0;
      try {
        wait = (await round()) ? pollIntervalMs : 0;
        if (errors > 0) console.warn(`local stream: polling recovered after ${errors} failed rounds`);
        [errors, failing] = [0, false];
      } catch (error) {
        if (signal.aborted) break;
        failing = true;
        // First failure and then every 20th: DynamoDB Local being down must not flood the console.
        if (errors++ % 20 === 0) console.error('local stream: polling failed, retrying', error);
        wait = errorBackoffMs;
      }
      if (wait > 0) await delay(wait, undefined, { signal }).catch(() => {});
    }
  };

  // The first round before anything writes: with LATEST, the iterators must exist before the API serves.
  try {
    await round();
  } catch (error) {
    client.destroy();
    throw error;
  }
  // Imported now, in the background: the first write then does not wait for a ~0.5 s module load.
  // A failed import is not cached; the first invocation tries again and reports it.
  options.loadHandler(options.handlerId).catch(() => {});
  const running = loop();

  /** Health: every shard has been read once, the last round worked, and the poller still runs. */
  const ready = () => rounds > 0 && !failing && !signal.aborted;
  return {
    streamArn,
    ready,
    /**
     * True once a round that started after `since`, while the bus had nothing pending, found every
     * shard empty, and no invocation runs now: every write before `since`, and every write the
     * handlers made before that round, has gone through the publisher.
     */
    idleSince: (since: number) => quietRoundStartedAt > since && invoker.inFlight() === 0,
    failures: stats.failures,
    stats: () => ({
      streamArn,
      startAt: options.startAt,
      ready: ready(),
      rounds,
      shards: tracker.active().map(({ shardId, lastSequenceNumber }) => ({ shardId, lastSequenceNumber })),
      records: stats.counts(),
      inFlight: invoker.inFlight(),
      lastInvocation: invoker.last(),
      recent: stats.recent(),
    }),
    /** Stops polling, gives a running invocation a bounded time, leaves no timer or socket behind. */
    async stop() {
      if (signal.aborted) return;
      stopping.abort();
      const timer = new AbortController();
      await Promise.race([running, delay(stopWaitMs, undefined, { signal: timer.signal }).catch(() => {})]);
      timer.abort();
      client.destroy();
    },
  };
}

export type StreamPoller = Awaited<ReturnType<typeof startStreamPoller>>;
