import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../clients/dynamodb.ts';
import { epochSeconds } from '../util/time.ts';
import { isConditionFailure } from './dynamo-errors.ts';
import { itemTypes } from './items.ts';

const markerKey = (dedupeKey: string) => ({ PK: `NOTIFIED#${dedupeKey}`, SK: '#NOTIFIED' });

/**
 * Does a side effect (an e-mail) once per dedupe key: a conditional marker first, then the e-mail; if the
 * e-mail fails the marker goes again so the retry sends it. The same event twice, or two at once,
 * send one e-mail.
 */
export async function sendOnce(dedupeKey: string, send: () => Promise<void>): Promise<boolean> {
  try {
    await db.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          ...markerKey(dedupeKey),
          type: itemTypes.notificationSent,
          ttl: epochSeconds(new Date()) + 7 * 86_400,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
  try {
    await send();
    return true;
  } catch (error) {
    await db.send(new DeleteCommand({ TableName: tableName, Key: markerKey(dedupeKey) }));
    throw error;
  }
}
