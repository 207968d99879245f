import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AccountPatch } from '../api/schemas/crm.ts';
import { db, tableName } from '../clients/dynamodb.ts';
import { defaultAccountSettings, type AccountSettings } from '../domain/account.ts';
import { nowIso } from '../util/time.ts';
import { itemTypes, type Item } from './items.ts';
import { keys } from './keys.ts';

/** The condition other writes attach to prove the add-on is on (B1), checked in the same transaction. */
export const portalEnabledCheck = (accountId: string) => ({
  TableName: tableName,
  Key: keys.account(accountId),
  ConditionExpression: 'portalEnabled = :on',
  ExpressionAttributeValues: { ':on': true },
});

export function accountFromItem(accountId: string, item: Item | undefined): AccountSettings {
  const defaults = defaultAccountSettings(accountId);
  if (!item) return defaults;
  return {
    id: accountId,
    portalEnabled: item.portalEnabled === true,
    notificationEmail: (item.notificationEmail as string | null | undefined) ?? null,
    portalName: (item.portalName as string | undefined) ?? defaults.portalName,
    updatedAt: (item.updatedAt as string | undefined) ?? null,
  };
}

export async function getAccountSettings(accountId: string): Promise<AccountSettings> {
  const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.account(accountId) }));
  return accountFromItem(accountId, Item);
}

/** One UpdateItem that creates the settings item on first write (an upsert). */
export async function updateAccountSettings(
  accountId: string,
  patch: AccountPatch,
): Promise<AccountSettings> {
  const names: Record<string, string> = { '#type': 'type', '#updatedAt': 'updatedAt' };
  const values: Record<string, unknown> = { ':type': itemTypes.account, ':now': nowIso() };
  const sets = ['#type = :type', '#updatedAt = :now'];
  for (const [field, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    names[`#${field}`] = field;
    values[`:${field}`] = value;
    sets.push(`#${field} = :${field}`);
  }
  const { Attributes } = await db.send(
    new UpdateCommand({
      TableName: tableName,
      Key: keys.account(accountId),
      UpdateExpression: `SET ${sets.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ReturnValues: 'ALL_NEW',
    }),
  );
  return accountFromItem(accountId, Attributes);
}
