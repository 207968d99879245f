import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../clients/dynamodb.ts';
import type { AuditEntry } from '../domain/audit.ts';
import { epochSeconds } from '../util/time.ts';
import { accountFromItem, portalEnabledCheck } from './accounts.ts';
import { auditItem } from './audit.ts';
import { batchGet } from './batch-get.ts';
import { contactFromItem } from './contacts.ts';
import { anyConditionFailed } from './dynamo-errors.ts';
import { itemTypes, type Item } from './items.ts';
import { keys } from './keys.ts';
import { organizationFromItem } from './organizations.ts';
import { newSessionItem, type SessionRecord } from './sessions.ts';
import type { PortalGrant } from './subjects.ts';

/**
 * One login of one agency (B7). Its token's hash is its key; its login code (B24) is a second key,
 * kept on the login request. Starting a session deletes this item, so whichever key comes second
 * finds nothing: link and code are one login.
 */
export interface LoginLinkRecord extends PortalGrant {
  createdAt: string;
  expiresAt: string;
  /** The e-mail it was sent to (hashed) and its login request: only the newest request's work (B24). */
  emailHash: string;
  requestStamp: string;
}

export function loginLinkItem(tokenHash: string, record: LoginLinkRecord): Item {
  return {
    ...record,
    // Keys last, so nothing in the record can ever point the item elsewhere.
    ...keys.loginLink(tokenHash),
    ...keys.loginLinksOfContact(record.accountId, record.contactId),
    GSI1SK: record.createdAt,
    type: itemTypes.loginLink,
    ttl: epochSeconds(new Date(record.expiresAt)) + 86_400,
  };
}

/**
 * What a login would log into, in one BatchGetItem: the contact, its organization, the account
 * and whether the login's request is still the newest of its e-mail. Consumes nothing.
 */
export async function loadLoginTarget(link: LoginLinkRecord) {
  const [contact, organization, account, newest] = await batchGet([
    keys.contact(link.accountId, link.contactId),
    keys.organization(link.accountId, link.organizationId),
    keys.account(link.accountId),
    keys.newestLoginRequest(link.emailHash),
  ]);
  return {
    link,
    contact: contact ? contactFromItem(contact) : undefined,
    organization: organization ? organizationFromItem(organization) : undefined,
    account: accountFromItem(link.accountId, account),
    isNewest: newest?.requestStamp === link.requestStamp,
  };
}

/** The link behind a token (consistent read), then what it would log into: two requests. */
export async function loadLoginLink(tokenHash: string) {
  const { Item } = await db.send(
    new GetCommand({ TableName: tableName, Key: keys.loginLink(tokenHash), ConsistentRead: true }),
  );
  return Item ? loadLoginTarget(Item as LoginLinkRecord) : undefined;
}

/**
 * Consumes the login (single use under concurrency, whether by link or by code) and starts a
 * session, re-checking in the same transaction that the access still holds and that no newer
 * login request of the e-mail exists.
 */
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
              Key: keys.newestLoginRequest(c.link.emailHash),
              ConditionExpression: 'requestStamp = :stamp',
              ExpressionAttributeValues: { ':stamp': c.link.requestStamp },
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
    // A failed condition refuses the login even when another step collided too (mixed reasons);
    // a cancellation by conflicts alone was already retried (shared/clients/transaction-conflicts.ts).
    if (anyConditionFailed(error)) return false;
    throw error;
  }
}
