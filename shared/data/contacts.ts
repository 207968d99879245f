import { PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../clients/dynamodb.ts';
import type { AccountSettings } from '../domain/account.ts';
import type { DeactivationCause, Invitation, PortalUser } from '../domain/portal-access.ts';
import { nowIso } from '../util/time.ts';
import { accountFromItem, getAccountSettings } from './accounts.ts';
import { batchGet } from './batch-get.ts';
import { failedConditions } from './dynamo-errors.ts';
import { itemTypes, withoutKeys, type Item } from './items.ts';
import { keys } from './keys.ts';
import { organizationExists } from './organizations.ts';
import { gsi1Page, type PageRequest } from './paging.ts';

export interface ContactRecord {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  organizationId: string | null;
  /** Changes whenever the organization or the email changes (SPEC §4). */
  accessVersion: number;
  /** Optimistic-lock revision: every write of the contact item bumps it. */
  rev: number;
  createdAt: string;
  updatedAt: string;
  invitation?: Invitation;
  portalUser?: PortalUser;
  accessEndedCause?: DeactivationCause;
}

export const contactFromItem = (item: Item) => withoutKeys<ContactRecord>(item);

/**
 * Every contact is in one GSI1 list: its organization's, or the account's list of contacts without
 * one. Each write of a contact is a Put of the whole item, so a move into, out of or between
 * organizations moves its index entry in that same write.
 */
export function contactItem(accountId: string, c: ContactRecord): Item {
  const list = c.organizationId
    ? keys.contactsOfOrganization(accountId, c.organizationId)
    : keys.contactsWithoutOrganization(accountId);
  return { ...keys.contact(accountId, c.id), ...list, GSI1SK: c.id, type: itemTypes.contact, ...c };
}

/** The contact and the account settings (for eligibility) in one BatchGetItem. */
export async function getContactAndAccount(accountId: string, contactId: string) {
  const [contact, account] = await batchGet([keys.contact(accountId, contactId), keys.account(accountId)]);
  return {
    contact: contact ? contactFromItem(contact) : undefined,
    account: accountFromItem(accountId, account),
  };
}

export type WriteOutcome = 'ok' | 'conflict' | 'organization_missing';

/**
 * Writes the whole contact in one request: a Put conditioned on the revision that was read
 * (or on absence, for a new contact) and, when it enters an organization, a condition check that
 * the organization exists in the same transaction (B15: never into a deleted organization).
 */
export async function writeContact(
  accountId: string,
  next: ContactRecord,
  expectedRev: number | null,
  enteringOrganization: string | null,
): Promise<WriteOutcome> {
  const put = {
    TableName: tableName,
    Item: contactItem(accountId, next),
    ...(expectedRev === null
      ? { ConditionExpression: 'attribute_not_exists(PK)' }
      : { ConditionExpression: 'rev = :rev', ExpressionAttributeValues: { ':rev': expectedRev } }),
  };
  try {
    if (!enteringOrganization) await db.send(new PutCommand(put));
    else
      await db.send(
        new TransactWriteCommand({
          TransactItems: [
            { ConditionCheck: organizationExists(accountId, enteringOrganization) },
            { Put: put },
          ],
        }),
      );
    return 'ok';
  } catch (error) {
    if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return 'conflict';
    const failed = failedConditions(error);
    if (failed?.[0]) return 'organization_missing';
    if (failed?.[1]) return 'conflict';
    throw error;
  }
}

/** The mark a deleted contact leaves, so its audit trail stays readable and its id known (B21). */
export const tombstoneItem = (
  accountId: string,
  contactId: string,
  deletedAt: string,
  deletedBy: string,
): Item => ({
  ...keys.contactTombstone(accountId, contactId),
  type: itemTypes.contactTombstone,
  contactId,
  deletedAt,
  deletedBy,
});

/**
 * Deletes the contact and leaves a tombstone, so its audit trail stays readable and the id
 * stays known (B21). Returns false when there was no such contact.
 */
export async function deleteContact(accountId: string, contactId: string, by: string): Promise<boolean> {
  try {
    await db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Delete: {
              TableName: tableName,
              Key: keys.contact(accountId, contactId),
              ConditionExpression: 'attribute_exists(PK)',
            },
          },
          { Put: { TableName: tableName, Item: tombstoneItem(accountId, contactId, nowIso(), by) } },
        ],
      }),
    );
    return true;
  } catch (error) {
    if (failedConditions(error)?.[0]) return false;
    throw error;
  }
}

export async function listContactsOfOrganization(accountId: string, orgId: string, page: PageRequest) {
  const [result, [org, account]] = await Promise.all([
    gsi1Page(keys.contactsOfOrganization(accountId, orgId).GSI1PK, page),
    batchGet([keys.organization(accountId, orgId), keys.account(accountId)]),
  ]);
  return {
    organizationFound: org !== undefined,
    account: accountFromItem(accountId, account),
    contacts: result.items.map(contactFromItem),
    nextCursor: result.nextCursor,
  };
}

/** The contacts without an organization: one Query of GSI1, the add-on switch read beside it (B2). */
export async function listContactsWithoutOrganization(accountId: string, page: PageRequest) {
  const [result, account] = await Promise.all([
    gsi1Page(keys.contactsWithoutOrganization(accountId).GSI1PK, page),
    getAccountSettings(accountId),
  ]);
  return { account, contacts: result.items.map(contactFromItem), nextCursor: result.nextCursor };
}

export type { AccountSettings };
