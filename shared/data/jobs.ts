import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Stage } from '../api/schemas/common.ts';
import { db, tableName } from '../clients/dynamodb.ts';
import { nowIso } from '../util/time.ts';
import { accountFromItem, portalEnabledCheck } from './accounts.ts';
import { batchGet } from './batch-get.ts';
import { failedConditions, isConditionFailure } from './dynamo-errors.ts';
import { itemTypes, withoutKeys, type Item } from './items.ts';
import { keys } from './keys.ts';
import { organizationExists } from './organizations.ts';
import { gsi1Page, type PageRequest } from './paging.ts';

export interface JobRecord {
  id: string;
  title: string;
  description: string;
  location: string | null;
  organizationId: string;
  primaryContactId: string | null;
  status: 'open' | 'closed';
  sharedToPortal: boolean;
  clientAllowedStages: Stage[];
  requisitionId?: string;
  createdAt: string;
  updatedAt: string;
  rev: number;
}

export const jobFromItem = (item: Item) => withoutKeys<JobRecord>(item);

/** A shared job is indexed under its organization, open ones first (B10, B11). */
export function jobItem(accountId: string, job: JobRecord): Item {
  const shared = job.sharedToPortal
    ? {
        ...keys.sharedJobsOfOrganization(accountId, job.organizationId),
        GSI2SK: `${job.status === 'open' ? 0 : 1}#${job.id}`,
      }
    : {};
  const primary = job.primaryContactId
    ? { ...keys.jobsOfPrimaryContact(accountId, job.primaryContactId), GSI3SK: job.id }
    : {};
  return {
    ...keys.job(accountId, job.id),
    ...keys.jobList(accountId),
    GSI1SK: job.id,
    ...shared,
    ...primary,
    type: itemTypes.job,
    ...job,
  };
}

/** Conditions a job write may carry, each checked inside the same transaction. */
export interface JobChecks {
  portalEnabled?: boolean;
  organizationId?: string;
  primaryContact?: { contactId: string; organizationId: string };
}

export type JobWriteOutcome =
  | 'ok'
  | 'conflict'
  | 'portal_disabled'
  | 'organization_missing'
  | 'contact_not_in_organization';

export async function writeJob(
  accountId: string,
  job: JobRecord,
  expectedRev: number | null,
  checks: JobChecks = {},
) {
  const put = {
    TableName: tableName,
    Item: jobItem(accountId, job),
    ...(expectedRev === null
      ? { ConditionExpression: 'attribute_not_exists(PK)' }
      : { ConditionExpression: 'rev = :rev', ExpressionAttributeValues: { ':rev': expectedRev } }),
  };
  const conditions: { outcome: JobWriteOutcome; check: Record<string, unknown> }[] = [];
  if (checks.portalEnabled)
    conditions.push({
      outcome: 'portal_disabled',
      check: portalEnabledCheck(accountId),
    });
  if (checks.organizationId)
    conditions.push({
      outcome: 'organization_missing',
      check: organizationExists(accountId, checks.organizationId),
    });
  if (checks.primaryContact)
    conditions.push({
      outcome: 'contact_not_in_organization',
      check: {
        TableName: tableName,
        Key: keys.contact(accountId, checks.primaryContact.contactId),
        ConditionExpression: 'organizationId = :org',
        ExpressionAttributeValues: { ':org': checks.primaryContact.organizationId },
      },
    });
  try {
    if (conditions.length === 0) await db.send(new PutCommand(put));
    else
      await db.send(
        new TransactWriteCommand({
          TransactItems: [...conditions.map((c) => ({ ConditionCheck: c.check })), { Put: put }] as never,
        }),
      );
    return 'ok' as JobWriteOutcome;
  } catch (error) {
    if (isConditionFailure(error)) return 'conflict';
    const failed = failedConditions(error);
    if (!failed) throw error;
    const index = failed.indexOf(true);
    return conditions[index]?.outcome ?? 'conflict';
  }
}

export async function getJob(accountId: string, jobId: string): Promise<JobRecord | undefined> {
  const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.job(accountId, jobId) }));
  return Item ? jobFromItem(Item) : undefined;
}

export async function getJobAndAccount(accountId: string, jobId: string) {
  const [job, account] = await batchGet([keys.job(accountId, jobId), keys.account(accountId)]);
  return { job: job ? jobFromItem(job) : undefined, account: accountFromItem(accountId, account) };
}

export async function unshareJob(accountId: string, jobId: string): Promise<JobRecord | undefined> {
  try {
    const { Attributes } = await db.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.job(accountId, jobId),
        UpdateExpression:
          'SET sharedToPortal = :no, updatedAt = :now, rev = rev + :one REMOVE GSI2PK, GSI2SK',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':no': false, ':now': nowIso(), ':one': 1 },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return Attributes ? jobFromItem(Attributes) : undefined;
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}

/** The job leaves the portal at once; its pipeline is cleaned up asynchronously (B18). */
export async function deleteJob(accountId: string, jobId: string): Promise<boolean> {
  try {
    await db.send(
      new DeleteCommand({
        TableName: tableName,
        Key: keys.job(accountId, jobId),
        ConditionExpression: 'attribute_exists(PK)',
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

export async function listJobs(accountId: string, page: PageRequest) {
  const result = await gsi1Page(keys.jobList(accountId).GSI1PK, page);
  return { items: result.items.map(jobFromItem), nextCursor: result.nextCursor };
}
