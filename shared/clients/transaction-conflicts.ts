import type {
  HandlerExecutionContext,
  InitializeHandler,
  InitializeHandlerArguments,
  InitializeHandlerOutput,
} from '@smithy/types';
import { conflict } from '../domain/errors.ts';

type Reason = { Code?: string };

/** Cancelled only because another transaction was touching one of the items (no condition failed). */
export function onlyConflicts(error: unknown): boolean {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return false;
  const reasons = ((error as { CancellationReasons?: Reason[] }).CancellationReasons ?? []).map(
    (r) => r.Code,
  );
  return (
    reasons.includes('TransactionConflict') &&
    reasons.every((c) => c === 'TransactionConflict' || c === 'None' || c === undefined)
  );
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Transactions that share an item (every portal login checks the account's add-on switch) can
 * cancel each other. Nothing of a cancelled transaction was written and every step carries its own
 * condition, so it is simply sent again, with jittered backoff; if conflicts persist the caller
 * gets 409 `conflict`, never a 500.
 */
export const retryTransactionConflicts =
  (tries = 5, pause = sleep) =>
  <Output extends object>(next: InitializeHandler<object, Output>, context: HandlerExecutionContext) =>
  async (args: InitializeHandlerArguments<object>): Promise<InitializeHandlerOutput<Output>> => {
    if (!/TransactWrite/.test(context.commandName ?? '')) return next(args);
    for (let attempt = 1; ; attempt++) {
      try {
        return await next(args);
      } catch (error) {
        if (!onlyConflicts(error)) throw error;
        if (attempt >= tries)
          throw conflict('conflict', 'The records changed while they were being updated; please try again.');
        await pause(Math.random() * 25 * 2 ** attempt);
      }
    }
  };
