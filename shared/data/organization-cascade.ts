import { QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../clients/dynamodb.ts';
import { tombstoneItem } from './contacts.ts';
import { cancellationReasons } from './dynamo-errors.ts';
import type { Item } from './items.ts';
import { keys } from './keys.ts';

/** One page of an organization's contacts (GSI1), for the cascade (B15). */
export async function contactsOfOrganizationPage(
  accountId: string,
  orgId: string,
  startKey?: Record<string, unknown>,
) {
  const page = await db.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.contactsOfOrganization(accountId, orgId).GSI1PK },
      ExclusiveStartKey: startKey,
      Limit: 500,
    }),
  );
  return { contacts: (page.Items ?? []) as Item[], nextKey: page.LastEvaluatedKey };
}

export interface CascadeResult {
  deleted: number;
  skipped: number;
  writeRequests: number;
}

/**
 * Deletes up to 25 contacts per transaction, each only if it is still in the organization (a
 * contact moved out before the cascade reached it survives, B15), and leaves their tombstones so
 * their audit trails stay readable (B21). A transaction cancelled by moved contacts is retried
 * without them. So N contacts cost ceil(N/25) write requests, plus one per chunk that held a mover.
 */
export async function deleteContactsOfOrganization(
  accountId: string,
  orgId: string,
  contactIds: string[],
  at: string,
): Promise<CascadeResult> {
  const result: CascadeResult = { deleted: 0, skipped: 0, writeRequests: 0 };
  for (let i = 0; i < contactIds.length; i += 25) {
    let chunk = contactIds.slice(i, i + 25);
    for (let attempt = 0; chunk.length > 0; attempt++) {
      // A chunk that keeps conflicting fails the event, which EventBridge retries (then its DLQ).
      if (attempt >= 6) throw new Error('contact deletions kept conflicting');
      result.writeRequests++;
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: chunk.flatMap((contactId) => [
              {
                Delete: {
                  TableName: tableName,
                  Key: keys.contact(accountId, contactId),
                  ConditionExpression: 'organizationId = :org',
                  ExpressionAttributeValues: { ':org': orgId },
                },
              },
              {
                Put: {
                  TableName: tableName,
                  Item: tombstoneItem(accountId, contactId, at, 'organization_deleted'),
                },
              },
            ]),
          }),
        );
        result.deleted += chunk.length;
        chunk = [];
      } catch (error) {
        const reasons = cancellationReasons(error);
        if (!reasons) throw error;
        const movedOut = new Set(chunk.filter((_, j) => reasons[j * 2]?.Code === 'ConditionalCheckFailed'));
        // Cancelled for another reason (a conflict, throttling): retry the same chunk.
        if (movedOut.size === 0 && reasons.some((r) => r.Code && r.Code !== 'None')) {
          await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
          continue;
        }
        result.skipped += movedOut.size;
        chunk = chunk.filter((id) => !movedOut.has(id));
      }
    }
  }
  return result;
}
