import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../clients/dynamodb.ts';
import { logger } from '../clients/logger.ts';
import { sessionPolicy } from '../domain/session-policy.ts';
import type { SessionEnd } from '../domain/session-refusal.ts';
import { epochSeconds } from '../util/time.ts';
import { isConditionFailure } from './dynamo-errors.ts';
import { itemTypes, type Item } from './items.ts';
import { keys } from './keys.ts';
import { loadSubjects, type PortalGrant } from './subjects.ts';

/** What a session points at; the token itself is never stored, only its hash in the key. */
export interface SessionRecord extends PortalGrant {
  createdAt: string;
  lastSeenAt: string;
  idleExpiresAt: string;
  absoluteExpiresAt: string;
  /** Set when the session was ended on purpose; the item stays (out of the contact's index) until its TTL. */
  endedAt?: string;
  endedBecause?: SessionEnd;
}

export function newSessionItem(tokenHash: string, s: SessionRecord): Item {
  return {
    ...s,
    // Keys last, so nothing in the record can ever point the item elsewhere.
    ...keys.session(tokenHash),
    ...keys.sessionsOfContact(s.accountId, s.contactId),
    GSI1SK: s.createdAt,
    type: itemTypes.session,
    // Kept past its expiry so that its holder hears "expired" rather than "not logged in".
    ttl: epochSeconds(new Date(Date.parse(s.absoluteExpiresAt) + sessionPolicy.rememberedForMs)),
  };
}

export async function getSession(tokenHash: string): Promise<SessionRecord | undefined> {
  const { Item } = await db.send(
    new GetCommand({ TableName: tableName, Key: keys.session(tokenHash), ConsistentRead: true }),
  );
  return Item as SessionRecord | undefined;
}

/** Second (and last) read of the session check: the contact, its organization and the account. */
export const getSessionSubjects = (s: SessionRecord) => loadSubjects(s);

/**
 * Slides the idle expiry; never resurrects a session that was ended meanwhile. Best effort: a
 * failed touch must not fail the request it rides on (the session is valid either way).
 */
export async function touchSession(tokenHash: string, now: Date): Promise<void> {
  try {
    await db.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.session(tokenHash),
        UpdateExpression: 'SET lastSeenAt = :now, idleExpiresAt = :idle',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: {
          ':now': now.toISOString(),
          ':idle': new Date(now.getTime() + sessionPolicy.idleMs).toISOString(),
        },
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) logger.warn('session touch failed', { error });
  }
}

/**
 * Ends a session (log-out, or revoked with its access, B19) but keeps its item, so the next request
 * with it answers why. Leaving the contact's index means later revocations never touch it again.
 */
export async function endSession(tokenHash: string, because: SessionEnd, at: Date): Promise<void> {
  try {
    await db.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.session(tokenHash),
        UpdateExpression: 'SET endedAt = :at, endedBecause = :why REMOVE GSI1PK, GSI1SK',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':at': at.toISOString(), ':why': because },
      }),
    );
  } catch (error) {
    // Gone already (its TTL): nothing left to end.
    if (!isConditionFailure(error)) throw error;
  }
}
