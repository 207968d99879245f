import type { AccountSettings } from './account.ts';
import { DomainError } from './errors.ts';
import { hasActiveAccess, type PortalFacts } from './portal-access.ts';

/**
 * Why a portal request is refused with 401 (docs/portal-errors.md). Only the holder of a session
 * that really was issued hears more than `not_logged_in`: no cookie, a malformed cookie and a
 * token that was never issued all answer the same, so a guess learns nothing.
 */
export const sessionRefusals = {
  not_logged_in: 'You are not logged in. Log in with your e-mail address to continue.',
  session_expired: 'Your session has expired. Please log in again.',
  access_removed:
    'Your access to the Client Portal has been removed. Ask your recruiter to invite you again.',
  portal_unavailable:
    'Your agency has switched the Client Portal off, so you cannot use it at the moment. Please contact your recruiter.',
} as const;
export type SessionRefusal = keyof typeof sessionRefusals;

export const sessionRefused = (code: SessionRefusal) =>
  new DomainError('unauthorized', code, sessionRefusals[code]);

/** Why a stored session was ended on purpose; an ended session is kept so its holder hears why. */
export type SessionEnd = 'logged_out' | 'access_removed';

export interface SessionFacts {
  portalUserId: string;
  accessVersion: number;
  organizationId: string;
  idleExpiresAt: string;
  absoluteExpiresAt: string;
  endedBecause?: SessionEnd;
}

export interface SessionSubjects {
  contact: PortalFacts | undefined;
  organization: unknown;
  account: AccountSettings;
}

/** A session ended on purpose answers from its own item: no second read. */
export function refusalOfEnded(session: SessionFacts): SessionRefusal | undefined {
  if (session.endedBecause === 'logged_out') return 'session_expired';
  if (session.endedBecause === 'access_removed') return 'access_removed';
  return undefined;
}

export const isExpired = (session: SessionFacts, now: Date) =>
  Date.parse(session.idleExpiresAt) <= now.getTime() ||
  Date.parse(session.absoluteExpiresAt) <= now.getTime();

/**
 * B1, B15–B17, B19, B22: what the contact, its organization and the account say about this
 * session. The access is removed when the contact or its organization is gone, or the contact has
 * a new access version since (moved, unassigned, re-addressed — even if changed back), or its
 * portal user is not the session's or no longer active (revoked, deactivated). A removed access
 * outranks the add-on being off and an expired session: logging in again would not help.
 */
export function refusalOf(
  session: SessionFacts,
  { contact, organization, account }: SessionSubjects,
  now: Date,
): SessionRefusal | undefined {
  const user = contact?.portalUser;
  if (
    !contact ||
    !organization ||
    !user ||
    !hasActiveAccess(contact) ||
    user.id !== session.portalUserId ||
    contact.accessVersion !== session.accessVersion ||
    contact.organizationId !== session.organizationId
  )
    return 'access_removed';
  if (!account.portalEnabled) return 'portal_unavailable';
  if (isExpired(session, now)) return 'session_expired';
  return undefined;
}
