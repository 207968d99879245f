import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { EventRule } from '../shared/events/rules.ts';
import { InjectedFault, type DeliveryFault } from './fault-injection.ts';
import type { HandlerLoader } from './handler-loader.ts';
import { lambdaContext, localFunctionTimeoutMs } from './lambda-context.ts';
import { newTally, runWithTally } from './request-counter.ts';

/** One rule's delivery of one event, as `/_local/bus/events` shows it. */
export interface DeliveryState {
  rule: string;
  handler: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  /** First attempt's start and the last attempt's end, ISO with milliseconds (latency checks). */
  startedAt?: string;
  finishedAt?: string;
  lastError?: string;
  /** The DynamoDB commands of the last attempt, counted like the API's x-local-dynamodb-* headers. */
  dynamodbCommands?: string[];
}

export interface DeliveryOptions {
  loadHandler: HandlerLoader;
  /** Deliveries running at once; the rest wait their turn (Lambda's concurrency, scaled down). */
  concurrency?: number;
  /** Waits before each retry: two retries, like the CDK targets' retry policy, but short. */
  retryDelaysMs?: readonly number[];
  timeoutMs?: number;
  onDeadLetter(state: DeliveryState, event: unknown): void;
}

const timedOut = Symbol('timed out');
const stopWaitMs = 2_000;

/** Runs rule targets asynchronously, bounded, with retries; what still fails goes to onDeadLetter. */
export function createDeliveryQueue(options: DeliveryOptions) {
  const {
    loadHandler,
    concurrency = 8,
    retryDelaysMs = [100, 400],
    timeoutMs = localFunctionTimeoutMs,
  } = options;
  const ready: Array<() => Promise<void>> = [];
  const running = new Set<Promise<void>>();
  const retryTimers = new Set<NodeJS.Timeout>();
  let outstanding = 0;
  let stopped = false;

  const pump = () => {
    while (!stopped && running.size < concurrency && ready.length > 0) {
      const task = ready.shift() as () => Promise<void>;
      const run: Promise<void> = task().finally(() => {
        running.delete(run);
        pump();
      });
      running.add(run);
    }
  };

  const invoke = async (rule: EventRule, event: unknown, requestId: string, state: DeliveryState) => {
    // Its own tally: otherwise the commands would land in the PutEvents request's context.
    const tally = newTally();
    state.dynamodbCommands = tally.commands;
    await runWithTally(tally, async () => {
      const handler = await loadHandler(rule.handler);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<typeof timedOut>((resolve) => {
        timer = setTimeout(() => resolve(timedOut), timeoutMs);
      });
      const result = await Promise.race([
        handler(event, lambdaContext(rule.handler, requestId)),
        timeout,
      ]).finally(() => clearTimeout(timer));
      if (result === timedOut) throw new Error(`timed out after ${timeoutMs} ms`);
    });
  };

  const attempt = async (
    rule: EventRule,
    event: unknown,
    requestId: string,
    state: DeliveryState,
    fault: DeliveryFault | undefined,
  ) => {
    state.attempts += 1;
    state.startedAt ??= new Date().toISOString();
    const failing = state.attempts === 1 ? fault?.failFirst : undefined;
    try {
      if (failing === 'before') throw new InjectedFault('the first attempt failed before the handler ran');
      await invoke(rule, event, requestId, state);
      if (failing === 'after') throw new InjectedFault('the first attempt failed after the handler ran');
      state.finishedAt = new Date().toISOString();
      state.status = 'delivered';
      outstanding -= 1;
    } catch (error) {
      state.finishedAt = new Date().toISOString();
      state.lastError = error instanceof Error ? error.message : String(error);
      const of = `attempt ${state.attempts} of ${retryDelaysMs.length + 1}`;
      // An injected fault is expected: one line, not a stack.
      if (error instanceof InjectedFault) console.warn(`local bus: ${rule.id} ${of}: ${error.message}`);
      else console.error(`local bus: ${rule.id} (functions/${rule.handler}.ts) failed, ${of}`, error);
      if (stopped) return; // dropped with the rest of the queue, not a dead letter
      const wait = retryDelaysMs[state.attempts - 1];
      if (wait !== undefined) {
        const timer = setTimeout(() => {
          retryTimers.delete(timer);
          ready.push(() => attempt(rule, event, requestId, state, fault));
          pump();
        }, wait);
        retryTimers.add(timer);
        return;
      }
      state.status = 'failed';
      outstanding -= 1;
      options.onDeadLetter(state, event);
    }
  };

  return {
    /** Deliveries not settled yet: queued, running or waiting for a retry. */
    pending: () => outstanding,
    /** `fault` (fault injection only): held back, or failing its first attempt. */
    enqueue(rule: EventRule, event: unknown, state: DeliveryState, fault?: DeliveryFault) {
      if (stopped) return;
      outstanding += 1;
      // Lambda keeps the request id across the retries of one asynchronous invocation.
      const requestId = randomUUID();
      const queued = () => ready.push(() => attempt(rule, event, requestId, state, fault));
      if (fault?.delayMs) {
        const timer = setTimeout(() => {
          retryTimers.delete(timer);
          queued();
          pump();
        }, fault.delayMs);
        retryTimers.add(timer);
        return;
      }
      queued();
      // Next turn of the event loop: the PutEvents answer goes out first, as in AWS.
      setImmediate(pump);
    },
    /** Drops what has not started; gives running handlers a bounded time, as they need DynamoDB and SES. */
    async stop() {
      stopped = true;
      for (const timer of retryTimers) clearTimeout(timer);
      const dropped = ready.length + retryTimers.size;
      retryTimers.clear();
      ready.length = 0;
      if (dropped > 0) console.warn(`local bus: stopping, ${dropped} undelivered event deliveries dropped`);
      if (running.size === 0) return;
      const ac = new AbortController();
      await Promise.race([
        Promise.allSettled(running),
        delay(stopWaitMs, undefined, { signal: ac.signal }).catch(() => {}),
      ]);
      ac.abort();
    },
  };
}
