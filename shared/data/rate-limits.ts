import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../clients/dynamodb.ts';
import { itemTypes } from './items.ts';
import { keys } from './keys.ts';

/**
 * Counts one attempt in a fixed window and answers the count so far: one UpdateItem, atomic under
 * concurrency. The counter is a pointer-only item (no tenant data) that expires with its window.
 */
export async function countAttempt(
  kind: 'email' | 'address',
  subject: string,
  windowStart: number,
  windowSeconds: number,
) {
  const { Attributes } = await db.send(
    new UpdateCommand({
      TableName: tableName,
      Key: keys.rateCounter(kind, subject, windowStart),
      UpdateExpression: 'ADD hits :one SET #type = :type, #ttl = :ttl',
      ExpressionAttributeNames: { '#type': 'type', '#ttl': 'ttl' },
      ExpressionAttributeValues: {
        ':one': 1,
        ':type': itemTypes.rateCounter,
        ':ttl': windowStart + windowSeconds * 2,
      },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return Number(Attributes?.hits ?? 1);
}
