import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../clients/dynamodb.ts';
import type { Item } from './items.ts';

type Key = { PK: string; SK: string };

/** One BatchGetItem (retrying unprocessed keys); answers in the order of the keys asked. */
export async function batchGet(keyList: Key[]): Promise<(Item | undefined)[]> {
  const found = new Map<string, Item>();
  let pending: Key[] = keyList;
  for (let attempt = 0; pending.length > 0 && attempt < 5; attempt++) {
    const result = await db.send(
      new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } } }),
    );
    for (const item of result.Responses?.[tableName] ?? []) found.set(`${item.PK}|${item.SK}`, item);
    pending = (result.UnprocessedKeys?.[tableName]?.Keys as Key[] | undefined) ?? [];
    if (pending.length) await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
  }
  if (pending.length) throw new Error('BatchGetItem left keys unprocessed');
  return keyList.map((k) => found.get(`${k.PK}|${k.SK}`));
}
