export const isConditionFailure = (error: unknown): boolean =>
  error instanceof Error && error.name === 'ConditionalCheckFailedException';

export interface CancellationReason {
  Code?: string;
  /** The item as it was, when the failed step asked for ReturnValuesOnConditionCheckFailure. */
  Item?: unknown;
}

/** The per-step reasons of a cancelled transaction; undefined for any other error. */
export function cancellationReasons(error: unknown): CancellationReason[] | undefined {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return undefined;
  return (error as { CancellationReasons?: CancellationReason[] }).CancellationReasons ?? [];
}

/**
 * Which items of a cancelled transaction failed their condition, by position.
 * Returns undefined when the error is not a transaction cancellation.
 */
export function failedConditions(error: unknown): boolean[] | undefined {
  const reasons = cancellationReasons(error);
  if (!reasons) return undefined;
  if (reasons.some((r) => r.Code && r.Code !== 'None' && r.Code !== 'ConditionalCheckFailed'))
    return undefined;
  return reasons.map((r) => r.Code === 'ConditionalCheckFailed');
}

/**
 * Whether a cancelled transaction had at least one condition fail, whatever cancelled its other
 * steps (a conflicting transaction, throttling): its answer is then the condition's refusal.
 */
export const anyConditionFailed = (error: unknown): boolean =>
  cancellationReasons(error)?.some((r) => r.Code === 'ConditionalCheckFailed') ?? false;
