import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../clients/dynamodb.ts';
import { decodeCursor, encodeCursor, type CursorScope } from './cursor.ts';
import type { Item } from './items.ts';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PageRequest {
  limit: number;
  cursor?: string | undefined;
  scope: CursorScope;
}

/** One Query page with a signed cursor; the query shape comes from the caller's key builders. */
export async function queryPage(
  input: Omit<QueryCommandInput, 'TableName' | 'Limit' | 'ExclusiveStartKey'>,
  page: PageRequest,
): Promise<{ items: Item[]; nextCursor: string | null }> {
  const startKey = await decodeCursor(page.cursor, page.scope);
  const result = await db.send(
    new QueryCommand({ ...input, TableName: tableName, Limit: page.limit, ExclusiveStartKey: startKey }),
  );
  return {
    items: (result.Items ?? []) as Item[],
    nextCursor: await encodeCursor(result.LastEvaluatedKey, page.scope),
  };
}

/** Query a GSI1 list (`GSI1PK = :pk`) in id order. */
export const gsi1Page = (gsi1pk: string, page: PageRequest) =>
  queryPage(
    {
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': gsi1pk },
    },
    page,
  );
