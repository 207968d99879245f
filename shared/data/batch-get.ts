import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../clients/dynamodb.ts';
import type { Item } from './items.ts';

type Key = { PK: string; SK: string };

const id = (k: Record<string, unknown>) => `${String(k.PK)}|${String(k.SK)}`;

/**
 * BatchGetItem (one request for up to 100 distinct keys; DynamoDB refuses duplicates, so they are
 * asked once), retrying unprocessed keys; answers in the order of the keys asked, repeats included.
 */
export async function batchGet(keyList: Key[]): Promise<(Item | undefined)[]> {
  const found = new Map<string, Item>();
  const distinct = [...new Map(keyList.map((k) => [id(k), k])).values()];
  for (let i = 0; i < distinct.length; i += 100) await fetchInto(found, distinct.slice(i, i + 100));
  return keyList.map((k) => found.get(id(k)));
}

async function fetchInto(found: Map<string, Item>, keyList: Key[]): Promise<void> {
  let pending: Key[] = keyList;
  for (let attempt = 0; pending.length > 0 && attempt < 5; attempt++) {
    const result = await db.send(
      new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } } }),
    );
    for (const item of result.Responses?.[tableName] ?? []) found.set(id(item), item);
    pending = (result.UnprocessedKeys?.[tableName]?.Keys as Key[] | undefined) ?? [];
    if (pending.length) await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
  }
  if (pending.length) throw new Error('BatchGetItem left keys unprocessed');
}
