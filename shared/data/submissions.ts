import { PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Stage } from '../api/schemas/common.ts';
import { db, tableName } from '../clients/dynamodb.ts';
import { batchGet } from './batch-get.ts';
import type { Candidate } from './candidates.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { failedConditions, isConditionFailure, isItemTooLarge } from './dynamo-errors.ts';
import { itemTypes, withoutKeys, type Item } from './items.ts';
import { jobFromItem } from './jobs.ts';
import { keys } from './keys.ts';
import type { PageRequest } from './paging.ts';

export interface Remark {
  text: string;
  stageFrom?: Stage;
  stageTo?: Stage;
  visibility: 'internal' | 'client';
  by: { type: 'recruiter' | 'client'; name: string };
  at: string;
}

export interface SubmissionRecord {
  id: string;
  jobId: string;
  candidateId: string;
  /** Client-safe copy taken at submission, so the portal pipeline is one Query (B11). */
  candidate: { name: string; headline: string | null; summary: string | null };
  stage: Stage;
  submittedAt: string;
  updatedAt: string;
  /** Every move and remark, oldest first (B12). */
  remarks: Remark[];
  rev: number;
}

export const submissionFromItem = (item: Item) => withoutKeys<SubmissionRecord>(item);

const submissionItem = (accountId: string, s: SubmissionRecord): Item => ({
  ...keys.submission(accountId, s.jobId, s.id),
  ...keys.submissionsOfCandidate(accountId, s.candidateId),
  GSI1SK: `${s.jobId}#${s.id}`,
  type: itemTypes.submission,
  ...s,
});

export type SubmitOutcome = 'ok' | 'job_missing' | 'candidate_missing' | 'already_submitted';

/** One transaction: job and candidate exist, the candidate is not yet on this job, the submission. */
export async function insertSubmission(accountId: string, s: SubmissionRecord): Promise<SubmitOutcome> {
  const exists = (Key: Record<string, string>) => ({
    TableName: tableName,
    Key,
    ConditionExpression: 'attribute_exists(PK)',
  });
  try {
    await db.send(
      new TransactWriteCommand({
        TransactItems: [
          { ConditionCheck: exists(keys.job(accountId, s.jobId)) },
          { ConditionCheck: exists(keys.candidate(accountId, s.candidateId)) },
          {
            Put: {
              TableName: tableName,
              Item: {
                ...keys.submissionGuard(accountId, s.jobId, s.candidateId),
                type: itemTypes.submissionGuard,
                submissionId: s.id,
              },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          { Put: { TableName: tableName, Item: submissionItem(accountId, s) } },
        ],
      }),
    );
    return 'ok';
  } catch (error) {
    const failed = failedConditions(error);
    if (!failed) throw error;
    return failed[0] ? 'job_missing' : failed[1] ? 'candidate_missing' : 'already_submitted';
  }
}

export async function getJobAndCandidate(accountId: string, jobId: string, candidateId: string) {
  const [job, candidate] = await batchGet([
    keys.job(accountId, jobId),
    keys.candidate(accountId, candidateId),
  ]);
  return { job, candidate: candidate as Candidate | undefined };
}

export async function getJobAndSubmission(accountId: string, jobId: string, submissionId: string) {
  const [job, submission] = await batchGet([
    keys.job(accountId, jobId),
    keys.submission(accountId, jobId, submissionId),
  ]);
  return {
    job: job ? jobFromItem(job) : undefined,
    submission: submission ? submissionFromItem(submission) : undefined,
  };
}

export type SubmissionWriteOutcome = 'ok' | 'conflict' | 'too_large';

export async function replaceSubmission(accountId: string, next: SubmissionRecord, expectedRev: number) {
  try {
    await db.send(
      new PutCommand({
        TableName: tableName,
        Item: submissionItem(accountId, next),
        ConditionExpression: 'rev = :rev',
        ExpressionAttributeValues: { ':rev': expectedRev },
      }),
    );
    return 'ok' as SubmissionWriteOutcome;
  } catch (error) {
    if (isConditionFailure(error)) return 'conflict';
    if (isItemTooLarge(error)) return 'too_large';
    throw error;
  }
}

/**
 * One Query over the job's partition: the job item sorts first (`#JOB`), then its submissions
 * (`SUB#…`); the per-candidate guards (`~CAND#…`) sort after the range and are never read.
 */
export async function listSubmissions(accountId: string, jobId: string, page: PageRequest) {
  const startKey = await decodeCursor(page.cursor, page.scope);
  const result = await db.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': keys.job(accountId, jobId).PK,
        ':from': keys.job(accountId, jobId).SK,
        ':to': `${keys.submissionPrefix}\uffff`,
      },
      Limit: startKey ? page.limit : page.limit + 1,
      ExclusiveStartKey: startKey,
    }),
  );
  const items = (result.Items ?? []) as Item[];
  const jobItem = items.find((i) => i.type === itemTypes.job);
  return {
    jobFound: startKey !== undefined || jobItem !== undefined,
    /** Only on the first page: later pages start after the job item. */
    job: jobItem ? jobFromItem(jobItem) : undefined,
    submissions: items.filter((i) => i.type === itemTypes.submission).map(submissionFromItem),
    nextCursor: await encodeCursor(result.LastEvaluatedKey, page.scope),
  };
}
