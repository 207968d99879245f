import { TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../clients/dynamodb.ts';
import { epochSeconds } from '../util/time.ts';
import { failedConditions, isConditionFailure } from './dynamo-errors.ts';
import { itemTypes } from './items.ts';
import { keys } from './keys.ts';
import { loginLinkItem, type LoginLinkRecord } from './login-links.ts';
import type { PortalGrant } from './subjects.ts';

/** One code of a login request: its keyed hash, and the login (link) it is the second key to. */
export interface LoginCodeEntry extends PortalGrant {
  codeHash: string;
  linkHash: string;
}

/** A login request (B24): pointer-only, like the links; the codes only as keyed hashes. */
export interface LoginRequestRecord {
  emailHash: string;
  /** `<requested at>#<request id hash>`: orders the requests of one e-mail, newest last. */
  requestStamp: string;
  createdAt: string;
  expiresAt: string;
  /** Code attempts so far, right or wrong; never above the policy's maximum. */
  attempts: number;
  codes: LoginCodeEntry[];
}

/** TransactWriteItems takes 100 items: the request, the newest-request pointer and the links. */
export const maxLinksPerRequest = 98;

/**
 * Stores a login request with its links and makes it the newest of its e-mail, all or nothing, in
 * one transaction. Answers false, writing nothing, when a newer request of the e-mail is already
 * stored (its links and codes must win) or this one's codes were already tried (a retried event).
 */
export async function storeLoginRequest(input: {
  requestIdHash: string;
  request: Omit<LoginRequestRecord, 'attempts'>;
  links: { hash: string; record: LoginLinkRecord }[];
}): Promise<boolean> {
  const { requestIdHash, request, links } = input;
  if (links.length > maxLinksPerRequest) throw new Error(`At most ${maxLinksPerRequest} links per request`);
  const ttl = epochSeconds(new Date(request.expiresAt)) + 86_400;
  try {
    await db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName,
              Item: {
                ...request,
                attempts: 0,
                ...keys.loginRequest(requestIdHash),
                type: itemTypes.loginRequest,
                ttl,
              },
              // A retried event may write fresh codes only while nobody has tried the old ones.
              ConditionExpression: 'attribute_not_exists(PK) OR attempts = :zero',
              ExpressionAttributeValues: { ':zero': 0 },
            },
          },
          {
            Update: {
              TableName: tableName,
              Key: keys.newestLoginRequest(request.emailHash),
              UpdateExpression: 'SET requestStamp = :stamp, #type = :type, #ttl = :ttl',
              ConditionExpression: 'attribute_not_exists(PK) OR requestStamp <= :stamp',
              ExpressionAttributeNames: { '#type': 'type', '#ttl': 'ttl' },
              ExpressionAttributeValues: {
                ':stamp': request.requestStamp,
                ':type': itemTypes.newestLoginRequest,
                ':ttl': ttl,
              },
            },
          },
          ...links.map(({ hash, record }) => ({
            Put: { TableName: tableName, Item: loginLinkItem(hash, record) },
          })),
        ],
      }),
    );
    return true;
  } catch (error) {
    if (failedConditions(error)) return false;
    throw error;
  }
}

/**
 * Counts one code attempt BEFORE its code is compared, and answers the request's codes: one
 * conditional UpdateItem, atomic under any concurrency. So no more than `maxAttempts` codes are
 * ever compared against one request. Undefined when the request is unknown, expired or spent.
 */
export async function countCodeAttempt(
  requestIdHash: string,
  maxAttempts: number,
  now: Date,
): Promise<LoginRequestRecord | undefined> {
  try {
    const { Attributes } = await db.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.loginRequest(requestIdHash),
        UpdateExpression: 'ADD attempts :one',
        ConditionExpression: 'attribute_exists(PK) AND attempts < :max AND expiresAt > :now',
        ExpressionAttributeValues: { ':one': 1, ':max': maxAttempts, ':now': now.toISOString() },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return Attributes as LoginRequestRecord | undefined;
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}
