import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../clients/dynamodb.ts';
import { deleteKeys } from './batch-write.ts';
import type { Item } from './items.ts';
import { keys } from './keys.ts';

async function allPages(input: ConstructorParameters<typeof QueryCommand>[0]): Promise<Item[]> {
  const items: Item[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db.send(new QueryCommand({ ...input, ExclusiveStartKey }));
    items.push(...((page.Items ?? []) as Item[]));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

/** B18: a deleted job's submissions, their histories and the per-candidate guards go with it. */
export async function deleteJobPartition(accountId: string, jobId: string): Promise<number> {
  const items = await allPages({
    TableName: tableName,
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.job(accountId, jobId).PK },
    ProjectionExpression: 'PK, SK',
  });
  // The job item itself is already gone; anything else in its partition belongs to its pipeline.
  await deleteKeys(items.map((i) => ({ PK: String(i.PK), SK: String(i.SK) })));
  return items.length;
}

/** B18: a deleted candidate leaves every pipeline (its submissions, their histories and guards). */
export async function deleteSubmissionsOfCandidate(accountId: string, candidateId: string): Promise<number> {
  const subs = await allPages({
    TableName: tableName,
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.submissionsOfCandidate(accountId, candidateId).GSI1PK },
  });
  for (const sub of subs) {
    const jobId = String(sub.jobId);
    // The submission item and its history entries all share the submission's key prefix.
    const items = await allPages({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sub)',
      ExpressionAttributeValues: {
        ':pk': keys.job(accountId, jobId).PK,
        ':sub': keys.submission(accountId, jobId, String(sub.id)).SK,
      },
      ProjectionExpression: 'PK, SK',
    });
    await deleteKeys([
      ...items.map((i) => ({ PK: String(i.PK), SK: String(i.SK) })),
      keys.submissionGuard(accountId, jobId, candidateId),
    ]);
  }
  return subs.length;
}
