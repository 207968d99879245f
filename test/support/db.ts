import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DynamoDBDocumentClient,
  QueryCommand,
  ScanCommand,
} from '@aws-sdk/lib-dynamodb';
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

/**
 * Writes items straight into the table, 25 per BatchWriteItem, a few calls at a time: seeding
 * thousands of items through the API would take most of a test's time.
 */
export async function putItems(items: Item[], concurrency = 4): Promise<void> {
  const chunks: Item[][] = [];
  for (let i = 0; i < items.length; i += 25) chunks.push(items.slice(i, i + 25));
  const worker = async () => {
    for (let chunk = chunks.shift(); chunk; chunk = chunks.shift()) {
      let requests = chunk.map((Item) => ({ PutRequest: { Item } }));
      while (requests.length > 0) {
        const result = await testDb().send(
          new BatchWriteCommand({ RequestItems: { [tableName()]: requests } }),
        );
        requests = (result.UnprocessedItems?.[tableName()] ?? []) as typeof requests;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** The items of these keys that exist, read 100 per BatchGetItem (strongly consistent). */
export async function getItems(keyList: { PK: string; SK: string }[]): Promise<Item[]> {
  const found: Item[] = [];
  for (let i = 0; i < keyList.length; i += 100) {
    let Keys: Item[] = keyList.slice(i, i + 100);
    while (Keys.length > 0) {
      const result = await testDb().send(
        new BatchGetCommand({ RequestItems: { [tableName()]: { Keys, ConsistentRead: true } } }),
      );
      found.push(...(result.Responses?.[tableName()] ?? []));
      Keys = (result.UnprocessedKeys?.[tableName()]?.Keys ?? []) as Item[];
    }
  }
  return found;
}
