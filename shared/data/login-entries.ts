import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../clients/dynamodb.ts';
import { accountFromItem } from './accounts.ts';
import { batchGet } from './batch-get.ts';
import { contactFromItem } from './contacts.ts';
import type { Item } from './items.ts';
import { keys } from './keys.ts';
import { organizationFromItem } from './organizations.ts';

export interface LoginEntry {
  accountId: string;
  contactId: string;
  portalUserId: string;
}

/** Everyone who may log in with this e-mail, one entry per agency and contact: one Query. */
export async function loginEntries(emailHash: string): Promise<LoginEntry[]> {
  const { Items } = await db.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.loginEmailPartition(emailHash) },
      Limit: 100,
    }),
  );
  return (Items ?? []) as LoginEntry[];
}

/** The contacts and accounts behind the entries (one BatchGet), then their organizations (one more). */
export async function loginSubjects(entries: LoginEntry[]) {
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
