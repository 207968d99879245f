import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../shared/data/keys.ts';
import { stackInfo } from './stack-info.ts';

type Item = Record<string, unknown>;

let client: DynamoDBDocumentClient | undefined;

/** A DocumentClient on the local table, for assertions the API cannot make ("nothing was written"). */
export function testDb(): DynamoDBDocumentClient {
  if (!client) {
    const info = stackInfo();
    const base = new DynamoDBClient({
      endpoint: info.dynamodbEndpoint,
      region: info.region,
      credentials: info.credentials,
    });
    client = DynamoDBDocumentClient.from(base, { marshallOptions: { removeUndefinedValues: true } });
  }
  return client;
}

export const tableName = (): string => stackInfo().tableName;

const byKey = (a: Item, b: Item) =>
  `${String(a.PK)}\u0000${String(a.SK)}`.localeCompare(`${String(b.PK)}\u0000${String(b.SK)}`);

/** Every item of one partition (Query by key), sorted: compare before and after a request. */
export async function queryPartition(pk: string): Promise<Item[]> {
  const items: Item[] = [];
  let ExclusiveStartKey: Item | undefined;
  do {
    const page = await testDb().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        ExclusiveStartKey,
      }),
    );
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items.sort(byKey);
}

/**
 * Every item whose PK starts with the prefix, sorted. A Scan — never in app code, but tests may
 * scan the local table to prove that nothing changed across all of an account's partitions.
 */
export async function snapshotPartition(pkPrefix: string): Promise<Item[]> {
  const items: Item[] = [];
  let ExclusiveStartKey: Item | undefined;
  do {
    const page = await testDb().send(
      new ScanCommand({
        TableName: tableName(),
        FilterExpression: 'begins_with(PK, :prefix)',
        ExpressionAttributeValues: { ':prefix': pkPrefix },
        ExclusiveStartKey,
      }),
    );
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items.sort(byKey);
}

/** All items of one account: its own partition and every `<that>#…` one (not those of account `<id>x`). */
export async function snapshotAccount(accountId: string): Promise<Item[]> {
  const own = keys.account(accountId).PK;
  return (await snapshotPartition(own)).filter(
    (item) => item.PK === own || String(item.PK).startsWith(`${own}#`),
  );
}
