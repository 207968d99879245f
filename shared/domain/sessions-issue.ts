import type { SessionRecord } from '../data/sessions.ts';
import { newToken } from '../util/tokens.ts';
import { sessionPolicy } from './session-policy.ts';

/** A fresh session (B5, B7: one at every sign-up and login): the token for the cookie, the record to store. */
export function issueSession(
  subject: Pick<
    SessionRecord,
    'accountId' | 'organizationId' | 'contactId' | 'portalUserId' | 'accessVersion'
  >,
  now: Date,
) {
  const { token, hash } = newToken();
  // Only the subject's ids: callers may hand in a whole stored item (a login link), whose keys must not travel.
  const record: SessionRecord = {
    accountId: subject.accountId,
    organizationId: subject.organizationId,
    contactId: subject.contactId,
    portalUserId: subject.portalUserId,
    accessVersion: subject.accessVersion,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    idleExpiresAt: new Date(now.getTime() + sessionPolicy.idleMs).toISOString(),
    absoluteExpiresAt: new Date(now.getTime() + sessionPolicy.absoluteMs).toISOString(),
  };
  return { token, hash, record };
}
