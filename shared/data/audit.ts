import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../clients/dynamodb.ts';
import type { AuditEntry } from '../domain/audit.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { itemTypes, type Item } from './items.ts';
import { keys } from './keys.ts';
import type { PageRequest } from './paging.ts';

/** The audit entry as an item, for a Put inside the transaction that makes the change. */
export const auditItem = (accountId: string, contactId: string, entry: AuditEntry): Item => ({
  ...keys.auditEntry(accountId, contactId, entry.at, entry.id),
  type: itemTypes.audit,
  contactId,
  id: entry.id,
  entryType: entry.type,
  at: entry.at,
  actor: entry.actor,
  ...(entry.cause ? { cause: entry.cause } : {}),
  ...(entry.email ? { email: entry.email } : {}),
});

const entryFromItem = (item: Item): AuditEntry => ({
  id: item.id as string,
  type: item.entryType as AuditEntry['type'],
  at: item.at as string,
  actor: item.actor as AuditEntry['actor'],
  ...(item.cause ? { cause: item.cause as AuditEntry['cause'] } : {}),
  ...(item.email ? { email: item.email as AuditEntry['email'] } : {}),
});

/**
 * One Query over the contact's partition: the contact or its tombstone sort first (`#…`), then
 * the audit entries in time order (the once-only guards, `~AUDITED#…`, sort after them). So a
 * single page tells whether the id ever existed (B21). A page holds at most `limit` entries; when
 * it is cut short, the cursor resumes after the last entry shown.
 */
export async function listAudit(accountId: string, contactId: string, page: PageRequest) {
  const startKey = await decodeCursor(page.cursor, page.scope);
  const result = await db.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.contactPartition(accountId, contactId) },
      // On the first page, room for the contact and its tombstone ahead of the entries.
      Limit: startKey ? page.limit : page.limit + 2,
      ExclusiveStartKey: startKey,
    }),
  );
  const items = (result.Items ?? []) as Item[];
  const entries = items.filter((i) => String(i.SK).startsWith(keys.auditPrefix));
  const shown = entries.slice(0, page.limit);
  const last = shown.at(-1);
  const resumeAfter =
    entries.length > page.limit && last ? { PK: last.PK, SK: last.SK } : result.LastEvaluatedKey;
  return {
    known: startKey !== undefined || items.length > 0,
    items: shown.map(entryFromItem),
    nextCursor: await encodeCursor(resumeAfter, page.scope),
  };
}
