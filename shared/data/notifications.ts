import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../clients/dynamodb.ts';
import { epochSeconds } from '../util/time.ts';
import { isConditionFailure } from './dynamo-errors.ts';
import { itemTypes } from './items.ts';

const markerKey = (dedupeKey: string) => ({ PK: `NOTIFIED#${dedupeKey}`, SK: '#NOTIFIED' });

/** Shorter than Lambda's first async retry (about a minute), so a crashed attempt's retry may send. */
const leaseMs = 30_000;

/**
 * Does a side effect (an e-mail) once per dedupe key. A conditional marker is taken as a short
 * lease, the e-mail is sent, then the marker says "sent". The same event twice, or two at once,
 * send one e-mail; a failed send gives the marker back; an attempt that dies between the two (a
 * timeout) leaves a lease that expires, so the retry still sends.
 */
export async function sendOnce(dedupeKey: string, send: () => Promise<void>): Promise<boolean> {
  const now = Date.now();
  try {
    await db.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          ...markerKey(dedupeKey),
          type: itemTypes.notificationSent,
          state: 'sending',
          leaseUntil: now + leaseMs,
          ttl: epochSeconds(new Date(now)) + 7 * 86_400,
        },
        ConditionExpression: 'attribute_not_exists(PK) OR (#state = :sending AND leaseUntil < :now)',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':sending': 'sending', ':now': now },
      }),
    );
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
  try {
    await send();
  } catch (error) {
    await db.send(new DeleteCommand({ TableName: tableName, Key: markerKey(dedupeKey) }));
    throw error;
  }
  await db.send(
    new UpdateCommand({
      TableName: tableName,
      Key: markerKey(dedupeKey),
      UpdateExpression: 'SET #state = :sent',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':sent': 'sent' },
    }),
  );
  return true;
}
