import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../clients/dynamodb.ts';
import type { AuditEntry } from '../domain/audit.ts';
import { auditItem } from './audit.ts';
import { cancellationReasons, failedConditions } from './dynamo-errors.ts';
import { keys } from './keys.ts';

export interface ContactChange {
  UpdateExpression: string;
  ConditionExpression: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues: Record<string, unknown>;
}

/**
 * One transaction: a conditional change of the contact item and its audit entry (B21). When the
 * condition fails, the contact as it was tells "no such contact" from "not in that state".
 */
export async function changeContactAudited(
  accountId: string,
  contactId: string,
  change: ContactChange,
  audit: AuditEntry,
): Promise<'ok' | 'contact_missing' | 'condition_failed'> {
  try {
    await db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName,
              Key: keys.contact(accountId, contactId),
              ...change,
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            },
          },
          { Put: { TableName: tableName, Item: auditItem(accountId, contactId, audit) } },
        ],
      }),
    );
    return 'ok';
  } catch (error) {
    if (!failedConditions(error)) throw error;
    return cancellationReasons(error)?.[0]?.Item ? 'condition_failed' : 'contact_missing';
  }
}
