import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../clients/dynamodb.ts';
import type { AuditEntry } from '../domain/audit.ts';
import type { EmailDelivery, LastEmail } from '../domain/email-delivery.ts';
import { accountFromItem } from './accounts.ts';
import { auditItem } from './audit.ts';
import { batchGet } from './batch-get.ts';
import { contactFromItem } from './contacts.ts';
import { failedConditions } from './dynamo-errors.ts';
import { itemTypes, type Item } from './items.ts';
import { keys } from './keys.ts';
import type { LoginCodeEntry } from './login-requests.ts';

export const emailStatusFromItem = (item: Item | undefined): LastEmail | undefined =>
  item ? (item.lastEmail as LastEmail) : undefined;

/** `GET /crm/contacts/{id}`: the contact, the account settings and the last e-mail, in one BatchGetItem. */
export async function getContactWithLastEmail(accountId: string, contactId: string) {
  const [contact, account, status] = await batchGet([
    keys.contact(accountId, contactId),
    keys.account(accountId),
    keys.emailStatus(accountId, contactId),
  ]);
  return {
    contact: contact ? contactFromItem(contact) : undefined,
    account: accountFromItem(accountId, account),
    lastEmail: emailStatusFromItem(status),
  };
}

export type RecordOutcome = 'recorded' | 'older' | 'contact_missing';

const contactExists = (accountId: string, contactId: string) => ({
  TableName: tableName,
  Key: keys.contact(accountId, contactId),
  ConditionExpression: 'attribute_exists(PK)',
});

/**
 * One SES event on one contact, in one transaction: the contact must still exist; its last-e-mail
 * status moves only forward (an older or repeated event leaves it as it is); the audit entry has a
 * key made from the event, so a redelivered event writes the same item again. When the status is
 * newer already, the audit entry is still kept (the bounce of an earlier e-mail did happen).
 * Only the statuses worth a recruiter's attention come with an audit entry (see email-events.ts).
 */
export async function recordEmailDelivery(
  accountId: string,
  contactId: string,
  delivery: EmailDelivery,
  audit: AuditEntry | undefined,
): Promise<RecordOutcome> {
  const auditPut = audit
    ? [{ Put: { TableName: tableName, Item: auditItem(accountId, contactId, audit) } }]
    : [];
  const statusUpdate = {
    TableName: tableName,
    Key: keys.emailStatus(accountId, contactId),
    UpdateExpression: 'SET #type = :type, contactId = :contactId, lastEmail = :lastEmail, orderKey = :key',
    ConditionExpression: 'attribute_not_exists(PK) OR orderKey < :key',
    ExpressionAttributeNames: { '#type': 'type' },
    ExpressionAttributeValues: {
      ':type': itemTypes.emailStatus,
      ':contactId': contactId,
      ':lastEmail': delivery,
      ':key': delivery.orderKey,
    },
  };
  try {
    await db.send(
      new TransactWriteCommand({
        TransactItems: [
          { ConditionCheck: contactExists(accountId, contactId) },
          { Update: statusUpdate },
          ...auditPut,
        ],
      }),
    );
    return 'recorded';
  } catch (error) {
    const failed = failedConditions(error);
    if (!failed) throw error;
    if (failed[0]) return 'contact_missing';
  }
  if (auditPut.length === 0) return 'older';
  try {
    await db.send(
      new TransactWriteCommand({
        TransactItems: [{ ConditionCheck: contactExists(accountId, contactId) }, ...auditPut],
      }),
    );
    return 'older';
  } catch (error) {
    if (failedConditions(error)?.[0]) return 'contact_missing';
    throw error;
  }
}

/** The contacts a login e-mail for several agencies went to: its login request lists them (kept a day). */
export async function contactsOfLoginRequest(
  requestIdHash: string,
): Promise<{ accountId: string; contactId: string }[]> {
  const { Item } = await db.send(
    new GetCommand({
      TableName: tableName,
      Key: keys.loginRequest(requestIdHash),
      ProjectionExpression: 'codes',
    }),
  );
  const codes = (Item?.codes ?? []) as LoginCodeEntry[];
  return codes.map(({ accountId, contactId }) => ({ accountId, contactId }));
}
