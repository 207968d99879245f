import { BatchWriteCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../clients/dynamodb.ts';
import type { AuditEntry } from '../domain/audit.ts';
import { epochSeconds } from '../util/time.ts';
import { accountFromItem } from './accounts.ts';
import { auditItem } from './audit.ts';
import { batchGet } from './batch-get.ts';
import { contactFromItem } from './contacts.ts';
import { failedConditions } from './dynamo-errors.ts';
import { itemTypes, type Item } from './items.ts';
import { keys } from './keys.ts';
import { organizationFromItem } from './organizations.ts';
import { newSessionItem, type SessionRecord } from './sessions.ts';
import { loadPointer, type PortalGrant } from './subjects.ts';
import { portalEnabledCheck } from './accounts.ts';

export interface LoginLinkRecord extends PortalGrant {
  createdAt: string;
  expiresAt: string;
}

/** Everyone who may log in with this e-mail, one entry per agency and contact: one Query. */
export async function loginEntries(emailHash: string) {
  const { Items } = await db.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.loginEmailPartition(emailHash) },
      Limit: 100,
    }),
  );
  return (Items ?? []) as { accountId: string; contactId: string; portalUserId: string }[];
}

/** The contacts and accounts behind the entries (one BatchGet), then their organizations (one more). */
export async function loginSubjects(
  entries: { accountId: string; contactId: string; portalUserId: string }[],
) {
  const firstKeys = entries.flatMap((e) => [
    keys.contact(e.accountId, e.contactId),
    keys.account(e.accountId),
  ]);
  const first = await batchGet(firstKeys);
  const subjects = entries.map((e, i) => ({
    entry: e,
    contact: first[i * 2] ? contactFromItem(first[i * 2] as Item) : undefined,
    account: accountFromItem(e.accountId, first[i * 2 + 1]),
  }));
  const withOrg = subjects.filter((s) => s.contact?.organizationId);
  const orgs = withOrg.length
    ? await batchGet(
        withOrg.map((s) => keys.organization(s.entry.accountId, s.contact?.organizationId as string)),
      )
    : [];
  return withOrg.map((s, i) => ({
    ...s,
    organization: orgs[i] ? organizationFromItem(orgs[i] as Item) : undefined,
  }));
}

export async function storeLoginLinks(links: { hash: string; record: LoginLinkRecord }[]): Promise<void> {
  for (let i = 0; i < links.length; i += 25) {
    let requests: Record<string, unknown>[] = links.slice(i, i + 25).map(({ hash, record }) => ({
      PutRequest: {
        Item: {
          ...keys.loginLink(hash),
          ...keys.loginLinksOfContact(record.accountId, record.contactId),
          GSI1SK: record.createdAt,
          type: itemTypes.loginLink,
          ...record,
          ttl: epochSeconds(new Date(record.expiresAt)) + 86_400,
        },
      },
    }));
    for (let attempt = 0; requests.length && attempt < 5; attempt++) {
      const result = await db.send(
        new BatchWriteCommand({ RequestItems: { [tableName]: requests as never } }),
      );
      requests = (result.UnprocessedItems?.[tableName] ?? []) as Record<string, unknown>[];
      if (requests.length) await new Promise((r) => setTimeout(r, 25 * 2 ** attempt));
    }
    if (requests.length) throw new Error('BatchWriteItem left login links unprocessed');
  }
}

/** The link behind a token and what it would log into, in two reads. Consumes nothing. */
export async function loadLoginLink(tokenHash: string) {
  const loaded = await loadPointer<LoginLinkRecord>(keys.loginLink(tokenHash));
  return loaded && { ...loaded, link: loaded.pointer };
}

/** Consumes the link (single use under concurrency) and starts a session, re-checking the access. */
export async function commitLogin(c: {
  tokenHash: string;
  link: LoginLinkRecord;
  now: string;
  session: { hash: string; record: SessionRecord };
  audit: AuditEntry;
}): Promise<boolean> {
  try {
    await db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Delete: {
              TableName: tableName,
              Key: keys.loginLink(c.tokenHash),
              ConditionExpression: 'attribute_exists(PK) AND expiresAt > :now',
              ExpressionAttributeValues: { ':now': c.now },
            },
          },
          {
            ConditionCheck: {
              TableName: tableName,
              Key: keys.contact(c.link.accountId, c.link.contactId),
              ConditionExpression:
                'portalUser.id = :user AND portalUser.#status = :active AND portalUser.accessVersion = :version AND ' +
                'accessVersion = :version AND organizationId = :org',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: {
                ':user': c.link.portalUserId,
                ':active': 'active',
                ':version': c.link.accessVersion,
                ':org': c.link.organizationId,
              },
            },
          },
          { ConditionCheck: portalEnabledCheck(c.link.accountId) },
          { Put: { TableName: tableName, Item: newSessionItem(c.session.hash, c.session.record) } },
          { Put: { TableName: tableName, Item: auditItem(c.link.accountId, c.link.contactId, c.audit) } },
        ],
      }),
    );
    return true;
  } catch (error) {
    if (failedConditions(error)) return false;
    throw error;
  }
}
