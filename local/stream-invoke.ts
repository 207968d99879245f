import { randomUUID } from 'node:crypto';
import type { DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import type { HandlerLoader } from './handler-loader.ts';
import { invokeWithTimeout } from './lambda-context.ts';
import { newTally, runWithTally } from './request-counter.ts';
import type { InvokeBatch } from './stream-retry.ts';

/** The last invocation of the stream function, for `/_local/stream/stats`. */
export interface StreamInvocation {
  requestId: string;
  records: number;
  startedAt: string;
  durationMs: number;
  outcome: 'ok' | 'batch item failures' | 'error';
  error?: string;
  /** Counted like the API's x-local-dynamodb-* headers. */
  dynamodbCommands: string[];
}

export interface StreamInvoker {
  invoke: InvokeBatch;
  inFlight(): number;
  last(): StreamInvocation | undefined;
}

/**
 * Calls the stream function the way the event source mapping does: a `{ Records }` event, a
 * Lambda context of its own per invocation, the function's time limit, and the DynamoDB commands
 * it sends counted in a tally of its own (not in whatever request wrote the records).
 */
export function createStreamInvoker(options: {
  loadHandler: HandlerLoader;
  handlerId: string;
  /** The publisher's own timeout (shared/events/rules.ts). */
  timeoutMs: number;
}): StreamInvoker {
  const { loadHandler, handlerId, timeoutMs } = options;
  const running = new Set<Promise<unknown>>();
  let last: StreamInvocation | undefined;

  const call = async (records: DynamoDBRecord[], requestId: string, tally: ReturnType<typeof newTally>) =>
    runWithTally(tally, async () => {
      const handler = await loadHandler(handlerId);
      const result = await invokeWithTimeout(handlerId, requestId, timeoutMs, (context) =>
        Promise.resolve(handler({ Records: records }, context)),
      );
      return result as DynamoDBBatchResponse | undefined;
    });

  const invoke: InvokeBatch = async (records) => {
    const requestId = randomUUID();
    const tally = newTally();
    const started = Date.now();
    const note = (outcome: StreamInvocation['outcome'], error?: unknown) => {
      last = {
        requestId,
        records: records.length,
        startedAt: new Date(started).toISOString(),
        durationMs: Date.now() - started,
        outcome,
        ...(error !== undefined ? { error: error instanceof Error ? error.message : String(error) } : {}),
        dynamodbCommands: tally.commands,
      };
    };
    const run = call(records, requestId, tally);
    running.add(run);
    try {
      const response = await run;
      note(response?.batchItemFailures?.length ? 'batch item failures' : 'ok');
      return response;
    } catch (error) {
      note('error', error);
      console.error(`local stream: functions/${handlerId}.ts failed on ${records.length} records`, error);
      throw error;
    } finally {
      running.delete(run);
    }
  };

  return {
    invoke,
    inFlight: () => running.size,
    last: () => last,
  };
}
