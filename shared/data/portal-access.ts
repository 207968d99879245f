import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../clients/dynamodb.ts';
import type { AuditEntry } from '../domain/audit.ts';
import { auditItem } from './audit.ts';
import { cancellationReasons, failedConditions } from './dynamo-errors.ts';
import { keys } from './keys.ts';

export type RevokeAccessOutcome = 'ok' | 'contact_missing' | 'no_active_access';

/**
 * B22: marks the active portal user deactivated on the contact item — so the session check refuses
 * it on the next request — and records it, in one transaction.
 */
export async function revokeAccess(
  accountId: string,
  contactId: string,
  audit: AuditEntry,
): Promise<RevokeAccessOutcome> {
  try {
    await db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName,
              Key: keys.contact(accountId, contactId),
              UpdateExpression:
                'SET portalUser.#status = :off, portalUser.deactivatedAt = :at, portalUser.deactivatedCause = :cause, rev = rev + :one',
              ConditionExpression:
                'portalUser.#status = :active AND portalUser.accessVersion = accessVersion',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: {
                ':off': 'deactivated',
                ':active': 'active',
                ':at': audit.at,
                ':cause': audit.cause,
                ':one': 1,
              },
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
    const reason = cancellationReasons(error)?.[0];
    return reason?.Item ? 'no_active_access' : 'contact_missing';
  }
}
