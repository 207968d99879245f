import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { EventRule } from '../shared/events/rules.ts';
import { InjectedFault, type DeliveryFault } from './fault-injection.ts';
import type { HandlerLoader } from './handler-loader.ts';
import { FunctionTimedOut, invokeWithTimeout } from './lambda-context.ts';
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
  /** Each handler's time limit: default, the rule's own (shared/events/rules.ts). */
  timeoutOf?: (rule: EventRule) => number;
  /** Told of every attempt's outcome, with the DynamoDB commands it sent (local/bus-stats.ts). */
  onAttempt?: (rule: EventRule, outcome: 'delivered' | 'failed' | 'timed out', commands: string[]) => void;
  onDeadLetter(state: DeliveryState, event: unknown): void;
}

export const ruleTimeoutMs = (rule: EventRule) => rule.timeoutSeconds * 1000;

/** The function's own timeout, or middy's early one just before it (which fails the handler first). */
const timedOut = (error: unknown) =>
  error instanceof FunctionTimedOut ||
  (error instanceof Error &&
    error.name === 'TimeoutError' &&
    (error.cause as { package?: string } | undefined)?.package === '@middy/core');
const stopWaitMs = 2_000;

/** Runs rule targets asynchronously, bounded, with retries; what still fails goes to onDeadLetter. */
export function createDeliveryQueue(options: DeliveryOptions) {
  const { loadHandler, concurrency = 8, retryDelaysMs = [100, 400], timeoutOf = ruleTimeoutMs } = options;
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
      await invokeWithTimeout(rule.handler, requestId, timeoutOf(rule), (context) =>
        Promise.resolve(handler(event, context)),
      );
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
      options.onAttempt?.(rule, 'delivered', state.dynamodbCommands ?? []);
    } catch (error) {
      state.finishedAt = new Date().toISOString();
      options.onAttempt?.(rule, timedOut(error) ? 'timed out' : 'failed', state.dynamodbCommands ?? []);
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
