import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';

export const isConditionFailure = (error: unknown): boolean =>
  error instanceof Error && error.name === 'ConditionalCheckFailedException';

/**
 * Which items of a cancelled transaction failed their condition, by position.
 * Returns undefined when the error is not a transaction cancellation.
 */
export function failedConditions(error: unknown): boolean[] | undefined {
  if (
    !(error instanceof TransactionCanceledException) &&
    !(error instanceof Error && error.name === 'TransactionCanceledException')
  )
    return undefined;
  const reasons = (error as TransactionCanceledException).CancellationReasons ?? [];
  if (reasons.some((r) => r.Code && r.Code !== 'None' && r.Code !== 'ConditionalCheckFailed'))
    return undefined;
  return reasons.map((r) => r.Code === 'ConditionalCheckFailed');
}

/** DynamoDB's 400 KB item cap surfaces as a ValidationException with this wording. */
export const isItemTooLarge = (error: unknown): boolean =>
  error instanceof Error && error.name === 'ValidationException' && /item size/i.test(error.message);
