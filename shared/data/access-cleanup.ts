import { DeleteCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../clients/dynamodb.ts';
import type { AuditEntry } from '../domain/audit.ts';
import { auditItem } from './audit.ts';
import { deleteKeys } from './batch-write.ts';
import { failedConditions, isConditionFailure } from './dynamo-errors.ts';
import { itemTypes, type Item } from './items.ts';
import { keys } from './keys.ts';
import { endSession } from './sessions.ts';

type Key = { PK: string; SK: string };

const sessionHashOf = (pk: string) => pk.slice(keys.sessionPrefix.length);

async function queryAll(input: {
  IndexName?: string;
  KeyConditionExpression: string;
  ExpressionAttributeValues: Record<string, unknown>;
}) {
  const items: Item[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db.send(new QueryCommand({ TableName: tableName, ...input, ExclusiveStartKey }));
    items.push(...((page.Items ?? []) as Item[]));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

const gsi1 = (pk: string) =>
  queryAll({
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': pk },
  });

/**
 * B19: ends the sessions and deletes the unused login links of the access that ended: those made for an
 * older access version, and those of the ended portal user at that version (a recruiter's revoke
 * keeps the version). A newer portal user — re-invited meanwhile, even at the same version — is
 * never touched (B20).
 */
export async function revokeSessionsAndLinks(
  accountId: string,
  contactId: string,
  endedVersion: number,
  endedPortalUserId: string | undefined,
): Promise<number> {
  const [sessions, links] = await Promise.all([
    gsi1(keys.sessionsOfContact(accountId, contactId).GSI1PK),
    gsi1(keys.loginLinksOfContact(accountId, contactId).GSI1PK),
  ]);
  const ended = (i: Item) =>
    Number(i.accessVersion) < endedVersion ||
    (Number(i.accessVersion) === endedVersion &&
      (!endedPortalUserId || i.portalUserId === endedPortalUserId));
  const staleSessions = sessions.filter(ended);
  const staleLinks = links.filter(ended);
  // Sessions are ended, not deleted, so their holder hears `access_removed` (docs/portal-errors.md).
  const at = new Date();
  await Promise.all([
    ...staleSessions.map((s) => endSession(sessionHashOf(String(s.PK)), 'access_removed', at)),
    deleteKeys(staleLinks.map((i) => ({ PK: String(i.PK), SK: String(i.SK) }))),
  ]);
  return staleSessions.length + staleLinks.length;
}

/** Deletes a pointer only if it still points at what the event is about. */
export async function deleteIfPointsAt(key: Key, attribute: string, value: string): Promise<void> {
  try {
    await db.send(
      new DeleteCommand({
        TableName: tableName,
        Key: key,
        ConditionExpression: '#a = :v',
        ExpressionAttributeNames: { '#a': attribute },
        ExpressionAttributeValues: { ':v': value },
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}

/** Marks the portal user deactivated if it is still the one (and version) the event is about. */
export async function markPortalUserDeactivated(
  accountId: string,
  contactId: string,
  portalUserId: string,
  version: number,
  cause: string,
  at: string,
) {
  try {
    await db.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.contact(accountId, contactId),
        UpdateExpression:
          'SET portalUser.#s = :off, portalUser.deactivatedCause = :cause, portalUser.deactivatedAt = :at, rev = rev + :one',
        ConditionExpression: 'portalUser.id = :pu AND portalUser.#s = :on AND portalUser.accessVersion <= :v',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: {
          ':off': 'deactivated',
          ':on': 'active',
          ':cause': cause,
          ':at': at,
          ':pu': portalUserId,
          ':v': version,
          ':one': 1,
        },
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}

/**
 * Writes an audit entry once per guard: a guard item (sorting after the entries, never read as
 * one) and the entry go in one transaction, so the same event twice, or two at once,
 * leave one entry — stamped with the time it was written, so the trail stays in order.
 */
export async function putAuditOnce(
  accountId: string,
  contactId: string,
  guard: string,
  entry: AuditEntry,
): Promise<boolean> {
  try {
    await db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName,
              Item: {
                PK: keys.contactPartition(accountId, contactId),
                SK: `~AUDITED#${guard}`,
                type: itemTypes.auditGuard,
              },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          { Put: { TableName: tableName, Item: auditItem(accountId, contactId, entry) } },
        ],
      }),
    );
    return true;
  } catch (error) {
    if (failedConditions(error)?.[0]) return false;
    throw error;
  }
}

/** B10: jobs whose primary contact left their organization (or was deleted) keep being shared, without it. */
export async function releasePrimaryContact(
  accountId: string,
  contactId: string,
  stillIn: string | null,
): Promise<number> {
  const jobs = await queryAll({
    IndexName: 'GSI3',
    KeyConditionExpression: 'GSI3PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.jobsOfPrimaryContact(accountId, contactId).GSI3PK },
  });
  let released = 0;
  for (const job of jobs.filter((j) => j.organizationId !== stillIn)) {
    const jobOrg = String(job.organizationId);
    try {
      await db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              // The contact as it is now, not as the (possibly late) event saw it: moved back into
              // the job's organization, it stays the primary contact.
              ConditionCheck: {
                TableName: tableName,
                Key: keys.contact(accountId, contactId),
                ConditionExpression: 'attribute_not_exists(PK) OR organizationId <> :org',
                ExpressionAttributeValues: { ':org': jobOrg },
              },
            },
            {
              Update: {
                TableName: tableName,
                Key: keys.job(accountId, String(job.id)),
                UpdateExpression: 'SET primaryContactId = :none, rev = rev + :one REMOVE GSI3PK, GSI3SK',
                ConditionExpression: 'primaryContactId = :c AND organizationId = :org',
                ExpressionAttributeValues: { ':none': null, ':one': 1, ':c': contactId, ':org': jobOrg },
              },
            },
          ],
        }),
      );
      released++;
    } catch (error) {
      if (!failedConditions(error)) throw error;
    }
  }
  return released;
}
