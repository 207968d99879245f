import { sdkCallWorstCaseMs } from '../clients/sdk-budget.ts';
import { handOffField, type ResumeAfter } from './catalog.ts';
import { publishEvent } from './publish.ts';

/** Whether there is time left for one more batch before the function must hand the rest over. */
export type HasTime = () => boolean;

/**
 * Kept free before each batch: the batch's own write and the hand-off's PutEvents, each at the
 * SDK budget's worst case (shared/clients/sdk-budget.ts).
 */
export const handOffReserveMs = 2 * sdkCallWorstCaseMs;

/**
 * The remaining-time check of long work, from the Lambda context, called after each batch. It keeps
 * the reserve, at most a third of the time the invocation started with (so a function run with a
 * short timeout, as in the local stack's tests, still does some batches before it hands over),
 * and never less than twice the slowest batch so far: one slow batch must not meet the timeout.
 */
export function timeKeeper(context: { getRemainingTimeInMillis(): number }): HasTime {
  const reserve = Math.min(handOffReserveMs, context.getRemainingTimeInMillis() / 3);
  let last = Date.now();
  let slowest = 0;
  return () => {
    const now = Date.now();
    slowest = Math.max(slowest, now - last);
    last = now;
    return context.getRemainingTimeInMillis() > Math.max(reserve, 2 * slowest);
  };
}

/**
 * The hand-off: the same event again, with where this run stopped. The function's rule receives it
 * like the first one, so the rest runs in a fresh invocation with its whole timeout.
 */
export async function handOff(detailType: string, detail: object, resumeAfter: ResumeAfter): Promise<void> {
  await publishEvent(detailType, { ...detail, [handOffField]: resumeAfter });
}
