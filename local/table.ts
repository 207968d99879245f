import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { tableDefinition } from '../shared/data/table-definition.ts';
import { waitUntil } from './wait.ts';

const stringKey = (name: string) => ({ AttributeName: name, AttributeType: 'S' as const });

/** CreateTable input from the one table definition, with the settings the CDK table has too. */
export function createTableInput(tableName: string) {
  const { partitionKey, sortKey, globalIndexes } = tableDefinition;
  const keyNames = [partitionKey, sortKey, ...globalIndexes.flatMap((i) => [i.partitionKey, i.sortKey])];
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: [...new Set(keyNames)].map(stringKey),
    KeySchema: [
      { AttributeName: partitionKey, KeyType: 'HASH' as const },
      { AttributeName: sortKey, KeyType: 'RANGE' as const },
    ],
    GlobalSecondaryIndexes: globalIndexes.map((index) => ({
      IndexName: index.indexName,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' as const },
        { AttributeName: index.sortKey, KeyType: 'RANGE' as const },
      ],
      Projection: { ProjectionType: 'ALL' as const },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' as const },
  };
}

async function tableStatus(client: DynamoDBClient, tableName: string): Promise<string | undefined> {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    return Table?.TableStatus;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}

/** Creates the table unless it survived from a `--persist` run; returns whether it was created. */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<boolean> {
  if ((await tableStatus(client, tableName)) !== undefined) return false;
  await client.send(new CreateTableCommand(createTableInput(tableName)));
  await waitUntil(async () => (await tableStatus(client, tableName)) === 'ACTIVE', {
    what: `table ${tableName}`,
    timeoutMs: 10_000,
    intervalMs: 50,
  });
  try {
    const ttl = { Enabled: true, AttributeName: tableDefinition.timeToLiveAttribute };
    await client.send(new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: ttl }));
  } catch (error) {
    // Only bookkeeping locally: DynamoDB Local never deletes expired items, the code checks expiry itself.
    console.warn(`local: UpdateTimeToLive failed (${(error as Error).message}); continuing`);
  }
  return true;
}
