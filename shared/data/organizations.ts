import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../clients/dynamodb.ts';
import { nowIso } from '../util/time.ts';
import { isConditionFailure } from './dynamo-errors.ts';
import { itemTypes, withoutKeys, type Item } from './items.ts';
import { keys } from './keys.ts';
import { gsi1Page, type Page, type PageRequest } from './paging.ts';

export interface Organization {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
}

export const organizationFromItem = (item: Item) => withoutKeys<Organization>(item);

/** The condition other writes attach to prove an organization exists (and is not deleted). */
export const organizationExists = (accountId: string, orgId: string) => ({
  TableName: tableName,
  Key: keys.organization(accountId, orgId),
  ConditionExpression: 'attribute_exists(PK)',
});

export async function putOrganization(accountId: string, org: Organization): Promise<void> {
  await db.send(
    new PutCommand({
      TableName: tableName,
      Item: {
        ...keys.organization(accountId, org.id),
        ...keys.organizationList(accountId),
        GSI1SK: org.id,
        type: itemTypes.organization,
        ...org,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
}

export async function getOrganization(accountId: string, orgId: string): Promise<Organization | undefined> {
  const { Item } = await db.send(
    new GetCommand({ TableName: tableName, Key: keys.organization(accountId, orgId) }),
  );
  return Item ? organizationFromItem(Item) : undefined;
}

export async function renameOrganization(accountId: string, orgId: string, name: string) {
  try {
    const { Attributes } = await db.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.organization(accountId, orgId),
        UpdateExpression: 'SET #name = :name, updatedAt = :now',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#name': 'name' },
        ExpressionAttributeValues: { ':name': name, ':now': nowIso() },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return Attributes ? organizationFromItem(Attributes) : undefined;
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}

/** Returns false when there was nothing to delete. Its contacts follow asynchronously (B15). */
export async function deleteOrganization(accountId: string, orgId: string): Promise<boolean> {
  try {
    await db.send(
      new DeleteCommand({
        TableName: tableName,
        Key: keys.organization(accountId, orgId),
        ConditionExpression: 'attribute_exists(PK)',
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

export async function listOrganizations(accountId: string, page: PageRequest): Promise<Page<Organization>> {
  const result = await gsi1Page(keys.organizationList(accountId).GSI1PK, page);
  return { items: result.items.map(organizationFromItem), nextCursor: result.nextCursor };
}
