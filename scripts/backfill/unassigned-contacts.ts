import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { itemTypes } from '../../shared/data/items.ts';
import { keys } from '../../shared/data/keys.ts';

export interface BackfillReport {
  /** Items the Scan read (every type: the filter is applied after the read). */
  scanned: number;
  /** Contacts without an organization that had no GSI1 entry and now have one. */
  added: number;
  /** Contacts changed by someone else between the Scan and the update (their own write added it). */
  skipped: number;
  pages: number;
}

/** `A#<account>#C#<contact>`: account ids never hold a `#` (shared/data/keys.ts). */
const contactPk = /^A#([^#]+)#C#([^#]+)$/;

/**
 * Gives every contact without an organization that was stored before the list of such contacts
 * existed its entry in that list (GSI1 `A#<account>#NOORG#CONTACTS` / contact id), the entry every
 * contact written since gets from `contactItem`. One Scan of the table, then one conditional
 * UpdateItem per contact found: only when it still has no GSI1 entry and still no organization, so
 * it never overrides a write made meanwhile. The access version is untouched, so the stream
 * publisher derives no event from it. Safe to run again: a second run adds nothing.
 */
export async function backfillUnassignedContacts(
  db: DynamoDBDocumentClient,
  tableName: string,
  log: (line: string) => void = () => undefined,
): Promise<BackfillReport> {
  const report: BackfillReport = { scanned: 0, added: 0, skipped: 0, pages: 0 };
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression:
          '#type = :contact AND SK = :sk AND attribute_not_exists(GSI1PK) AND (attribute_not_exists(organizationId) OR organizationId = :none)',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: {
          ':contact': itemTypes.contact,
          ':sk': keys.contact('', '').SK,
          ':none': null,
        },
        ProjectionExpression: 'PK, SK',
        ExclusiveStartKey,
      }),
    );
    report.pages += 1;
    report.scanned += page.ScannedCount ?? 0;
    for (const item of page.Items ?? []) {
      const match = contactPk.exec(String(item.PK));
      if (!match) continue;
      const [, accountId = '', contactId = ''] = match;
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.contact(accountId, contactId),
            UpdateExpression: 'SET GSI1PK = :list, GSI1SK = :id',
            ConditionExpression:
              'attribute_exists(PK) AND attribute_not_exists(GSI1PK) AND (attribute_not_exists(organizationId) OR organizationId = :none)',
            ExpressionAttributeValues: {
              ':list': keys.contactsWithoutOrganization(accountId).GSI1PK,
              ':id': contactId,
              ':none': null,
            },
          }),
        );
        report.added += 1;
        log(`added ${accountId} ${contactId}`);
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        report.skipped += 1;
      }
    }
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return report;
}
