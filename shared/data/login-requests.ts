import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { db, tableName } from '../clients/dynamodb.ts';
import { epochSeconds } from '../util/time.ts';
import { cancellationReasons, failedConditions, isConditionFailure } from './dynamo-errors.ts';
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

/**
 * TransactWriteItems takes 100 items: the request, the newest-request pointer, the links, and on a
 * re-store the deletes of the links stored first. So 49 links each.
 */
export const maxLinksPerRequest = 49;

/** `spent`: this request was stored before and its codes were tried or a link was used. */
export type StoreOutcome = 'stored' | 'superseded' | 'spent';

type StoreInput = {
  requestIdHash: string;
  request: Omit<LoginRequestRecord, 'attempts'>;
  links: { hash: string; record: LoginLinkRecord }[];
};

/**
 * One all-or-nothing transaction: Put the request, make it the newest of its e-mail (unless a
 * newer one is stored), Put its links. The first store needs the request to be new; a re-store
 * (`earlier`, the request as stored) needs it unchanged and untried, and deletes the earlier
 * links, each on condition that it is still there (not used).
 */
async function writeRequest({ requestIdHash, request, links }: StoreInput, earlier?: LoginRequestRecord) {
  const ttl = epochSeconds(new Date(request.expiresAt)) + 86_400;
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
            ...(earlier
              ? {
                  ConditionExpression: 'attempts = :zero AND createdAt = :created',
                  ExpressionAttributeValues: { ':zero': 0, ':created': earlier.createdAt },
                }
              : { ConditionExpression: 'attribute_not_exists(PK)' }),
            // A first store that finds the request stored gets it back, to re-store it.
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
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
        ...(earlier?.codes ?? []).map((entry) => ({
          Delete: {
            TableName: tableName,
            Key: keys.loginLink(entry.linkHash),
            ConditionExpression: 'attribute_exists(PK)',
          },
        })),
        ...links.map(({ hash, record }) => ({
          Put: { TableName: tableName, Item: loginLinkItem(hash, record) },
        })),
      ],
    }),
  );
}

/**
 * Stores a login request with its links and makes it the newest of its e-mail, all or nothing.
 * Writes nothing when a newer request of the e-mail is already stored (its links and codes must
 * win). The event that asks for it may be delivered again after its e-mail went out: then the
 * request is stored again with the new links and codes, and the links stored first are deleted in
 * the same transaction, so only the newest e-mail's link and code work — one login per agency
 * however often the handler runs. Once a code was tried or a link used, nothing is re-stored.
 */
export async function storeLoginRequest(input: StoreInput): Promise<StoreOutcome> {
  if (input.links.length > maxLinksPerRequest)
    throw new Error(`At most ${maxLinksPerRequest} links per request`);
  let earlier: LoginRequestRecord | undefined;
  try {
    await writeRequest(input);
    return 'stored';
  } catch (error) {
    const failed = failedConditions(error);
    if (!failed) throw error;
    if (failed[1]) return 'superseded';
    const stored = cancellationReasons(error)?.[0]?.Item;
    if (!stored) throw error;
    earlier = unmarshall(stored as Record<string, AttributeValue>) as LoginRequestRecord;
  }
  if (earlier.attempts !== 0) return 'spent';
  try {
    await writeRequest(input, earlier);
    return 'stored';
  } catch (error) {
    const failed = failedConditions(error);
    if (!failed) throw error;
    return failed[1] ? 'superseded' : 'spent';
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
