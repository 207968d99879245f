import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../clients/dynamodb.ts';

type Key = { PK: string; SK: string };

/** Deletes keys in BatchWriteItem calls of 25, retrying unprocessed items with backoff. Idempotent. */
export async function deleteKeys(keyList: Key[]): Promise<number> {
  let calls = 0;
  for (let i = 0; i < keyList.length; i += 25) {
    let requests = keyList.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } }));
    for (let attempt = 0; requests.length > 0; attempt++) {
      if (attempt >= 8) throw new Error('BatchWriteItem left items unprocessed');
      if (attempt > 0) await new Promise((r) => setTimeout(r, 25 * 2 ** attempt));
      calls++;
      const result = await db.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests } }));
      requests = (result.UnprocessedItems?.[tableName] ?? []) as typeof requests;
    }
  }
  return calls;
}
