import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { RequisitionCreate, RequisitionStatus } from '../api/schemas/portal.ts';
import { db, tableName } from '../clients/dynamodb.ts';
import { accountFromItem } from './accounts.ts';
import { batchGet } from './batch-get.ts';
import { failedConditions, isConditionFailure } from './dynamo-errors.ts';
import { itemTypes, withoutKeys, type Item } from './items.ts';
import { jobItem, type JobRecord } from './jobs.ts';
import { keys } from './keys.ts';
import { organizationExists } from './organizations.ts';
import { queryPage, type PageRequest } from './paging.ts';
import { portalEnabledCheck } from './accounts.ts';

export interface RequisitionRecord {
  id: string;
  organizationId: string;
  title: string;
  description: string;
  qualifications: string;
  location: string;
  employmentType: RequisitionCreate['employmentType'];
  openings: number;
  salaryMin: number | null;
  salaryMax: number | null;
  currency: string | null;
  status: RequisitionStatus;
  reviewRemarks?: string;
  jobId?: string;
  submittedBy: { name: string; email: string };
  submittedByContactId: string;
  createdAt: string;
  updatedAt: string;
  reviewedAt?: string;
  reviewedBy?: string;
  rev: number;
}

export const requisitionFromItem = (item: Item) => withoutKeys<RequisitionRecord>(item);

// The review queue sorts by status rank first: pending ones lead, oldest first (ULID order).
const rank: Record<RequisitionStatus, number> = { pending: 0, approved: 1, rejected: 2, withdrawn: 3 };
const statusPrefix = (status: RequisitionStatus) => `${rank[status]}.${status}#`;

/** The GSI sort keys follow the status, so every status change rewrites the whole item (a Put). */
const requisitionItem = (accountId: string, r: RequisitionRecord): Item => ({
  ...keys.requisition(accountId, r.id),
  ...keys.requisitionList(accountId),
  GSI1SK: `${statusPrefix(r.status)}${r.id}`,
  ...keys.requisitionsOfOrganization(accountId, r.organizationId),
  GSI2SK: r.id,
  type: itemTypes.requisition,
  ...r,
});

/** The pending count moves in the same transaction as every status change, so it never drifts. */
const pendingDelta = (accountId: string, delta: 1 | -1) => ({
  Update: {
    TableName: tableName,
    Key: keys.pendingRequisitions(accountId),
    UpdateExpression: 'SET #type = :counter ADD pending :delta',
    ExpressionAttributeNames: { '#type': 'type' },
    ExpressionAttributeValues: { ':counter': itemTypes.counter, ':delta': delta },
  },
});

const putWhilePending = (accountId: string, next: RequisitionRecord, expectedRev: number) => ({
  TableName: tableName,
  Item: requisitionItem(accountId, next),
  ConditionExpression: 'rev = :rev AND #status = :pending',
  ExpressionAttributeNames: { '#status': 'status' },
  ExpressionAttributeValues: { ':rev': expectedRev, ':pending': 'pending' },
});

const accountCheck = portalEnabledCheck;

const contactCheck = (accountId: string, contactId: string, orgId: string) => ({
  TableName: tableName,
  Key: keys.contact(accountId, contactId),
  ConditionExpression: 'organizationId = :org',
  ExpressionAttributeValues: { ':org': orgId },
});

export type RequisitionWriteOutcome =
  | 'ok'
  | 'stale'
  | 'portal_disabled'
  | 'organization_missing'
  | 'contact_not_in_organization';

/** One transaction item and what it means when its condition fails. */
type Step = [item: object, onFailure: RequisitionWriteOutcome];
const check = (condition: object, onFailure: RequisitionWriteOutcome): Step => [
  { ConditionCheck: condition },
  onFailure,
];
const putNew = (Item: Item): Step => [
  { Put: { TableName: tableName, Item, ConditionExpression: 'attribute_not_exists(PK)' } },
  'stale',
];

/**
 * One transaction; a failed condition is named by the outcome at its position. Collisions on the
 * account's shared counter are retried by the client's transaction-conflict middleware.
 */
async function transact(steps: Step[]): Promise<RequisitionWriteOutcome> {
  try {
    await db.send(new TransactWriteCommand({ TransactItems: steps.map(([item]) => item) as never }));
    return 'ok';
  } catch (error) {
    const failed = failedConditions(error);
    if (!failed) throw error;
    return steps[failed.indexOf(true)]?.[1] ?? 'stale';
  }
}

export const insertRequisition = (accountId: string, r: RequisitionRecord) =>
  transact([
    check(organizationExists(accountId, r.organizationId), 'organization_missing'),
    putNew(requisitionItem(accountId, r)),
    [pendingDelta(accountId, 1), 'stale'],
  ]);

export async function getRequisition(accountId: string, reqId: string) {
  const { Item } = await db.send(
    new GetCommand({ TableName: tableName, Key: keys.requisition(accountId, reqId) }),
  );
  return Item ? requisitionFromItem(Item) : undefined;
}

export async function getRequisitionAndAccount(accountId: string, reqId: string) {
  const [req, account] = await batchGet([keys.requisition(accountId, reqId), keys.account(accountId)]);
  return { requisition: req && requisitionFromItem(req), account: accountFromItem(accountId, account) };
}

/** An edit (still pending: one Put) or a withdrawal or rejection (it leaves the queue: counter −1). */
export async function replacePending(accountId: string, next: RequisitionRecord, expectedRev: number) {
  const put = putWhilePending(accountId, next, expectedRev);
  if (next.status !== 'pending')
    return transact([
      [{ Put: put }, 'stale'],
      [pendingDelta(accountId, -1), 'stale'],
    ]);
  try {
    await db.send(new PutCommand(put));
    return 'ok';
  } catch (error) {
    if (isConditionFailure(error)) return 'stale';
    throw error;
  }
}

/**
 * B14 in one transaction: the add-on is on, the organization exists, the primary contact (if any)
 * is still in it, the new job, the approved requisition (on the revision read) and the count.
 */
export const approvePending = (
  accountId: string,
  next: RequisitionRecord,
  expectedRev: number,
  job: JobRecord,
) =>
  transact([
    check(accountCheck(accountId), 'portal_disabled'),
    check(organizationExists(accountId, job.organizationId), 'organization_missing'),
    ...(job.primaryContactId
      ? [
          check(
            contactCheck(accountId, job.primaryContactId, job.organizationId),
            'contact_not_in_organization',
          ),
        ]
      : []),
    putNew(jobItem(accountId, job)),
    [{ Put: putWhilePending(accountId, next, expectedRev) }, 'stale'],
    [pendingDelta(accountId, -1), 'stale'],
  ]);

/** The review queue, all statuses (pending first) or one: one Query of GSI1. */
export async function listRequisitions(
  accountId: string,
  status: RequisitionStatus | undefined,
  page: PageRequest,
) {
  const values: Record<string, string> = { ':pk': keys.requisitionList(accountId).GSI1PK };
  if (status) values[':prefix'] = statusPrefix(status);
  const result = await queryPage(
    {
      IndexName: 'GSI1',
      KeyConditionExpression: status ? 'GSI1PK = :pk AND begins_with(GSI1SK, :prefix)' : 'GSI1PK = :pk',
      ExpressionAttributeValues: values,
    },
    page,
  );
  return { items: result.items.map(requisitionFromItem), nextCursor: result.nextCursor };
}

/** The organization's requisitions, newest first: one Query of GSI2. */
export async function listRequisitionsOfOrganization(accountId: string, orgId: string, page: PageRequest) {
  const result = await queryPage(
    {
      IndexName: 'GSI2',
      KeyConditionExpression: 'GSI2PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.requisitionsOfOrganization(accountId, orgId).GSI2PK },
      ScanIndexForward: false,
    },
    page,
  );
  return { items: result.items.map(requisitionFromItem), nextCursor: result.nextCursor };
}

export async function pendingCount(accountId: string): Promise<number> {
  const { Item } = await db.send(
    new GetCommand({ TableName: tableName, Key: keys.pendingRequisitions(accountId) }),
  );
  return typeof Item?.pending === 'number' ? Item.pending : 0;
}
