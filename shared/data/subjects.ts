import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../clients/dynamodb.ts';
import { accountFromItem } from './accounts.ts';
import { batchGet } from './batch-get.ts';
import { contactFromItem } from './contacts.ts';
import { keys } from './keys.ts';
import { organizationFromItem } from './organizations.ts';

/** What every portal pointer (invitation, login link, session) names. */
export interface Subject {
  accountId: string;
  contactId: string;
  organizationId: string;
}

/** What a session or login link grants: this portal user, for this access version of the contact. */
export interface PortalGrant extends Subject {
  portalUserId: string;
  accessVersion: number;
}

/** The contact, its organization and the account in one BatchGetItem. */
export async function loadSubjects(s: Subject) {
  const [contact, organization, account] = await batchGet([
    keys.contact(s.accountId, s.contactId),
    keys.organization(s.accountId, s.organizationId),
    keys.account(s.accountId),
  ]);
  return {
    contact: contact ? contactFromItem(contact) : undefined,
    organization: organization ? organizationFromItem(organization) : undefined,
    account: accountFromItem(s.accountId, account),
  };
}

/** A token pointer (consistent read), then what it names: two requests, consuming nothing. */
export async function loadPointer<P extends Subject>(key: { PK: string; SK: string }) {
  const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
  if (!Item) return undefined;
  const pointer = Item as P;
  return { pointer, ...(await loadSubjects(pointer)) };
}
