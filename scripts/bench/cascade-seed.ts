import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../../shared/clients/dynamodb.ts';
import { contactItem, type ContactRecord } from '../../shared/data/contacts.ts';
import { itemTypes, type Item } from '../../shared/data/items.ts';
import { keys } from '../../shared/data/keys.ts';
import { newSessionItem } from '../../shared/data/sessions.ts';
import { issueSession } from '../../shared/domain/sessions-issue.ts';
import { newId } from '../../shared/util/ids.ts';
import { hashEmail } from '../../shared/util/tokens.ts';

async function writeAll(items: Item[]) {
  for (let i = 0; i < items.length; i += 25) {
    let requests = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
    while (requests.length) {
      const result = await db.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests } }));
      requests = (result.UnprocessedItems?.[tableName] ?? []) as typeof requests;
    }
  }
}

/** Seeds the organization directly (setting it up through the API would dominate the run). */
export async function seedOrganization(
  accountId: string,
  orgId: string,
  contacts: number,
  portalUsers: number,
) {
  const now = new Date();
  const items: Item[] = [];
  const portalIds: string[] = [];
  for (let i = 0; i < contacts; i++) {
    const id = newId();
    const email = `c${i}@big-client.test`;
    const record: ContactRecord = {
      id,
      firstName: `C${i}`,
      lastName: 'Bench',
      email,
      phone: null,
      organizationId: orgId,
      accessVersion: 1,
      rev: 1,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    if (i < portalUsers) {
      const userId = newId();
      record.portalUser = {
        id: userId,
        status: 'active',
        accessVersion: 1,
        email,
        firstName: `C${i}`,
        lastName: 'Bench',
        jobTitle: null,
        joinedAt: now.toISOString(),
      };
      const session = issueSession(
        { accountId, organizationId: orgId, contactId: id, portalUserId: userId, accessVersion: 1 },
        now,
      );
      items.push(newSessionItem(session.hash, session.record));
      items.push({
        ...keys.loginEmail(hashEmail(email), accountId, id),
        type: itemTypes.loginEmail,
        accountId,
        contactId: id,
        portalUserId: userId,
      });
      portalIds.push(id);
    }
    items.push(contactItem(accountId, record));
  }
  await writeAll(items);
  return {
    /** Portal users whose audit trail now holds their deactivation. */
    async countDeactivated(): Promise<number> {
      let count = 0;
      for (const id of portalIds) {
        const page = await db.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'PK = :pk AND begins_with(SK, :audit)',
            ExpressionAttributeValues: {
              ':pk': keys.contactPartition(accountId, id),
              ':audit': keys.auditPrefix,
            },
          }),
        );
        if (
          (page.Items ?? []).some((e) => e.entryType === 'deactivated' && e.cause === 'organization_deleted')
        )
          count++;
      }
      return count;
    },
  };
}
