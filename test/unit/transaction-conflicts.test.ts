import { describe, expect, it } from 'vitest';
import { retryTransactionConflicts } from '../../shared/clients/transaction-conflicts.ts';

const cancelled = (...codes: string[]) =>
  Object.assign(new Error('Transaction cancelled'), {
    name: 'TransactionCanceledException',
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

function run(outcomes: (Error | 'ok')[], commandName = 'TransactWriteItemsCommand') {
  let calls = 0;
  const next = async () => {
    const outcome = outcomes[calls++];
    if (outcome instanceof Error) throw outcome;
    return { output: {}, response: {} };
  };
  const handler = retryTransactionConflicts(3, async () => {})(next as never, { commandName } as never);
  return { result: handler({ input: {} } as never), calls: () => calls };
}

describe('transactions cancelled by a concurrent transaction (a real engine cannot do this on demand)', () => {
  it('are sent again until they go through', async () => {
    const t = run([cancelled('None', 'TransactionConflict'), cancelled('TransactionConflict'), 'ok']);
    await expect(t.result).resolves.toBeDefined();
    expect(t.calls()).toBe(3);
  });

  it('answer 409 conflict when conflicts persist, never a 500', async () => {
    const t = run([
      cancelled('TransactionConflict'),
      cancelled('TransactionConflict'),
      cancelled('TransactionConflict'),
    ]);
    await expect(t.result).rejects.toMatchObject({ kind: 'conflict', code: 'conflict' });
    expect(t.calls()).toBe(3);
  });

  it('are not retried when a condition failed: that is an answer, not a collision', async () => {
    const t = run([cancelled('ConditionalCheckFailed', 'TransactionConflict')]);
    await expect(t.result).rejects.toMatchObject({ name: 'TransactionCanceledException' });
    expect(t.calls()).toBe(1);
  });

  it('leave every other command alone', async () => {
    const t = run([cancelled('TransactionConflict')], 'PutItemCommand');
    await expect(t.result).rejects.toMatchObject({ name: 'TransactionCanceledException' });
    expect(t.calls()).toBe(1);
  });
});
