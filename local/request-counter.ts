import { AsyncLocalStorage } from 'node:async_hooks';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/**
 * Counts the DynamoDB commands each HTTP request makes, for the requests-per-route benchmark and
 * tests (SPEC §4: one GetItem, BatchGetItem or Query page per read route). Local only: the
 * numbers reach the client as `x-local-dynamodb-*` response headers, which AWS never sends.
 */
export interface RequestTally {
  commands: string[];
}

const current = new AsyncLocalStorage<RequestTally>();
const middlewareName = 'localRequestCounter';

export const newTally = (): RequestTally => ({ commands: [] });

/** Every command sent from fn's async context (awaited or not) lands in this tally. */
export const runWithTally = <T>(tally: RequestTally, fn: () => Promise<T>): Promise<T> =>
  current.run(tally, fn);

/**
 * One middleware on the shared client. The initialize step runs once per command, before the SDK's
 * retries; a DocumentClient command reports the underlying name (GetCommand → GetItem).
 * `override` makes a second stack start in the same process replace it instead of counting twice.
 */
export function attachRequestCounter(client: DynamoDBClient): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = (context.commandName ?? 'Unknown').replace(/Command$/, '');
      current.getStore()?.commands.push(name);
      return next(args);
    },
    { step: 'initialize', name: middlewareName, override: true },
  );
}

export const tallyHeaders = (tally: RequestTally): Record<string, string> => ({
  'x-local-dynamodb-requests': String(tally.commands.length),
  'x-local-dynamodb-commands': tally.commands.join(','),
});
