import { routeTimeoutSeconds } from '../config/timeouts.ts';

/**
 * One budget for every AWS SDK call of every function (docs/long-work.md): how long one attempt may
 * take, how many attempts a call makes, and so the longest a call can last, retries included. It
 * must end well inside the shortest function timeout (a route's 10 s), and long work keeps this
 * much time in reserve before it starts another batch.
 */
export const sdkBudget = {
  /** TCP (and TLS) connect of one attempt. */
  connectionTimeoutMs: 500,
  /** Request sent to response read, one attempt (thrown, not just logged: throwOnRequestTimeout). */
  requestTimeoutMs: 1_500,
  /** The first try and two retries. */
  maxAttempts: 3,
  /**
   * The standard retry mode's longest backoff: full jitter under a cap that starts at 1 s for
   * throttling (50 ms otherwise) and doubles per retry (@smithy/core's retry strategy).
   */
  throttlingBackoffBaseMs: 1_000,
} as const;

const backoffCeilingMs = Array.from(
  { length: sdkBudget.maxAttempts - 1 },
  (_, retry) => sdkBudget.throttlingBackoffBaseMs * 2 ** retry,
).reduce((sum, ms) => sum + ms, 0);

/** The longest one SDK call can take: every attempt timing out, every backoff at its ceiling. */
export const sdkCallWorstCaseMs =
  sdkBudget.maxAttempts * (sdkBudget.connectionTimeoutMs + sdkBudget.requestTimeoutMs) + backoffCeilingMs;

if (sdkCallWorstCaseMs >= routeTimeoutSeconds * 1000)
  throw new Error(`One SDK call (${sdkCallWorstCaseMs} ms) must end inside a route's timeout`);
