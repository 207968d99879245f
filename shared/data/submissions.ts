import { QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Stage } from '../api/schemas/common.ts';
import { db, tableName } from '../clients/dynamodb.ts';
import { invalid } from '../domain/errors.ts';
import { batchGet } from './batch-get.ts';
import type { Candidate } from './candidates.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { failedConditions } from './dynamo-errors.ts';
import { itemTypes, withoutKeys, type Item } from './items.ts';
import { getJob, jobFromItem, type JobRecord } from './jobs.ts';
import { keys } from './keys.ts';
import type { PageRequest } from './paging.ts';

/** One history entry: a move (stageFrom/stageTo), a remark (text), or a move with a remark. */
export interface Remark {
  /** Absent on a move made without a remark. */
  text?: string;
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
  /** Client-safe copy taken at submission, so the portal pipeline needs no candidate reads (B11). */
  candidate: { name: string; headline: string | null; summary: string | null };
  stage: Stage;
  submittedAt: string;
  updatedAt: string;
  rev: number;
}

/** A submission with its history: every move and remark, oldest first (B12). */
export interface Submission extends SubmissionRecord {
  remarks: Remark[];
}

const submissionItem = (accountId: string, s: SubmissionRecord): Item => ({
  ...keys.submission(accountId, s.jobId, s.id),
  ...keys.submissionsOfCandidate(accountId, s.candidateId),
  GSI1SK: `${s.jobId}#${s.id}`,
  type: itemTypes.submission,
  ...s,
});

/** History entries are items of their own (each ≤ one remark), so no history can outgrow an item. */
const entryItem = (accountId: string, s: SubmissionRecord, entryId: string, r: Remark): Item => ({
  ...keys.historyEntry(accountId, s.jobId, s.id, r.at, entryId),
  type: itemTypes.historyEntry,
  jobId: s.jobId,
  submissionId: s.id,
  candidateName: s.candidate.name,
  ...r,
});

const remarkFromItem = (i: Item): Remark => {
  const {
    jobId: _j,
    submissionId: _s,
    candidateName: _c,
    ...remark
  } = withoutKeys<Remark & Record<string, unknown>>(i);
  // Entries written before moves stopped storing an empty remark read as the ones written since.
  if (remark.text === '') delete remark.text;
  return remark as Remark;
};

/** Items of the job partition, in key order → the job (if read) and its submissions with histories. */
function assemble(items: Item[]) {
  let job: JobRecord | undefined;
  const submissions: Submission[] = [];
  for (const item of items) {
    if (item.type === itemTypes.job) job = jobFromItem(item);
    else if (item.type === itemTypes.submission)
      submissions.push({ ...withoutKeys<SubmissionRecord>(item), remarks: [] });
    else if (item.type === itemTypes.historyEntry && submissions.at(-1)?.id === item.submissionId)
      submissions.at(-1)?.remarks.push(remarkFromItem(item));
  }
  return { job, submissions };
}

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

/** The job (GetItem) beside the submission with its whole history (one Query under its key). */
export async function getJobAndSubmission(accountId: string, jobId: string, submissionId: string) {
  const [job, page] = await Promise.all([
    getJob(accountId, jobId),
    db.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sub)',
        ExpressionAttributeValues: {
          ':pk': keys.job(accountId, jobId).PK,
          ':sub': keys.submission(accountId, jobId, submissionId).SK,
        },
        ConsistentRead: true,
      }),
    ),
  ]);
  return { job, submission: assemble((page.Items ?? []) as Item[]).submissions[0] };
}

/**
 * B12: one history entry, and the move it records, in one transaction conditioned on the revision
 * read — so the entry's `stageFrom` is always the stage it moved from.
 */
export async function recordEntry(accountId: string, s: SubmissionRecord, entryId: string, entry: Remark) {
  try {
    await db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName,
              Key: keys.submission(accountId, s.jobId, s.id),
              UpdateExpression: 'SET stage = :stage, updatedAt = :at, rev = rev + :one',
              ConditionExpression: 'rev = :rev',
              ExpressionAttributeValues: {
                ':stage': entry.stageTo ?? s.stage,
                ':at': entry.at,
                ':one': 1,
                ':rev': s.rev,
              },
            },
          },
          { Put: { TableName: tableName, Item: entryItem(accountId, s, entryId, entry) } },
        ],
      }),
    );
    return 'ok' as const;
  } catch (error) {
    if (failedConditions(error)?.[0]) return 'conflict' as const;
    throw error;
  }
}

/**
 * A page of a job's pipeline in (usually) one Query over the job's partition: the job item sorts
 * first (`#JOB`), then each submission followed by its history (`SUB#<id>`, `SUB#<id>#H#…`); the
 * per-candidate guards (`~CAND#…`) sort after the range. A page ends on a submission boundary: the
 * signed cursor names the last submission shown.
 */
export async function listSubmissions(accountId: string, jobId: string, page: PageRequest) {
  const cursor = await decodeCursor(page.cursor, page.scope);
  const after = cursor?.after;
  if (cursor && (typeof after !== 'string' || !/^[0-9A-Za-z]+$/.test(after)))
    throw invalid('invalid_cursor', 'The cursor is not valid for this list.');
  const pk = keys.job(accountId, jobId).PK;
  const from = after ? `${keys.submissionPrefix}${after}#\uffff` : keys.job(accountId, jobId).SK;
  const items: Item[] = [];
  let startKey: Record<string, unknown> | undefined;
  let submissionsSeen = 0;
  do {
    const result = await db.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': pk, ':from': from, ':to': `${keys.submissionPrefix}\uffff` },
        ExclusiveStartKey: startKey,
        // Room for a few history entries per submission; a longer history just takes another page.
        Limit: (page.limit + 1) * 20,
      }),
    );
    for (const item of (result.Items ?? []) as Item[]) {
      if (item.type === itemTypes.submission && ++submissionsSeen > page.limit) break;
      items.push(item);
    }
    startKey = submissionsSeen > page.limit ? undefined : result.LastEvaluatedKey;
  } while (startKey);
  const { job, submissions } = assemble(items);
  const last = submissions.at(-1);
  return {
    jobFound: cursor !== undefined || job !== undefined,
    /** Only on the first page: later pages start after the job item. */
    job,
    submissions,
    nextCursor:
      submissionsSeen > page.limit && last ? await encodeCursor({ after: last.id }, page.scope) : null,
  };
}
