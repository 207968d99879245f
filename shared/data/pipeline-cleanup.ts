import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../clients/dynamodb.ts';
import { deleteKeys } from './batch-write.ts';
import type { Item } from './items.ts';
import { keys } from './keys.ts';

type Key = { PK: string; SK: string };
type StartKey = Record<string, unknown> | undefined;

const keyOf = (i: Item): Key => ({ PK: String(i.PK), SK: String(i.SK) });

async function allPages(input: ConstructorParameters<typeof QueryCommand>[0]): Promise<Item[]> {
  const items: Item[] = [];
  let ExclusiveStartKey: StartKey;
  do {
    const page = await db.send(new QueryCommand({ ...input, ExclusiveStartKey }));
    items.push(...((page.Items ?? []) as Item[]));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

/**
 * B18: one page of what is left of a deleted job's partition (the job item itself is already gone;
 * everything else there belongs to its pipeline: submissions, their histories, per-candidate guards).
 * A strongly consistent read of the table, so a follow-up run never sees what was deleted before.
 */
export async function jobPartitionPage(accountId: string, jobId: string, startKey?: StartKey) {
  const page = await db.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.job(accountId, jobId).PK },
      ProjectionExpression: 'PK, SK',
      ConsistentRead: true,
      ExclusiveStartKey: startKey,
      Limit: 500,
    }),
  );
  return { keys: (page.Items ?? []).map(keyOf), nextKey: page.LastEvaluatedKey };
}

/** Deletes up to 25 keys per BatchWriteItem; answers the calls made. */
export const deletePipelineKeys = (keyList: Key[]): Promise<number> => deleteKeys(keyList);

/** B18: one page of a deleted candidate's submissions, across every job (GSI1). */
export async function submissionsOfCandidatePage(
  accountId: string,
  candidateId: string,
  startKey?: StartKey,
) {
  const page = await db.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.submissionsOfCandidate(accountId, candidateId).GSI1PK },
      ExclusiveStartKey: startKey,
      Limit: 100,
    }),
  );
  return { submissions: (page.Items ?? []) as Item[], nextKey: page.LastEvaluatedKey };
}

/** B18: one submission leaves its job's pipeline, with its history entries and its candidate guard. */
export async function deleteSubmission(accountId: string, candidateId: string, sub: Item): Promise<number> {
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
  return deleteKeys([...items.map(keyOf), keys.submissionGuard(accountId, jobId, candidateId)]);
}
