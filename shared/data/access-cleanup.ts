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

/** Whether a session or login link was made for the access that ended (see revokable). */
export type AccessEndedAt = { endedVersion: number; endedPortalUserId?: string };

/**
 * B19: whether a session or unused login link belongs to the access that ended: made for an older
 * access version, or for the ended portal user at that version (a recruiter's revoke keeps the
 * version). A newer portal user — re-invited meanwhile, even at the same version — is never
 * touched (B20).
 */
export const revokable = (i: Item, { endedVersion, endedPortalUserId }: AccessEndedAt) =>
  Number(i.accessVersion) < endedVersion ||
  (Number(i.accessVersion) === endedVersion && (!endedPortalUserId || i.portalUserId === endedPortalUserId));

/**
 * One page of a contact's open sessions or unused login links (GSI1). Ended sessions and deleted
 * links leave that index, so what a page shows is what is left to revoke.
 */
export async function accessItemsPage(
  kind: 'sessions' | 'loginLinks',
  accountId: string,
  contactId: string,
  startKey?: Record<string, unknown>,
) {
  const index =
    kind === 'sessions'
      ? keys.sessionsOfContact(accountId, contactId)
      : keys.loginLinksOfContact(accountId, contactId);
  const page = await db.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': index.GSI1PK },
      ExclusiveStartKey: startKey,
      Limit: 500,
    }),
  );
  return { items: (page.Items ?? []) as Item[], nextKey: page.LastEvaluatedKey };
}

/** Sessions are ended, not deleted, so their holder hears `access_removed` (docs/portal-errors.md). */
export async function endSessions(sessions: Item[], at = new Date()): Promise<void> {
  await Promise.all(sessions.map((s) => endSession(sessionHashOf(String(s.PK)), 'access_removed', at)));
}

export async function deleteLoginLinks(links: Item[]): Promise<void> {
  await deleteKeys(links.map((i) => ({ PK: String(i.PK), SK: String(i.SK) })));
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
