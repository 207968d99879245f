import type { Organization } from '../data/organizations.ts';
import { getSession, getSessionSubjects, touchSession } from '../data/sessions.ts';
import { hashToken, tokenPattern } from '../util/tokens.ts';
import type { AccountSettings } from './account.ts';
import { refusalOf, refusalOfEnded, sessionRefused } from './session-refusal.ts';
import { sessionPolicy } from './session-policy.ts';

/** Who is calling the portal: handlers take the tenant and organization from here only. */
export interface PortalCaller {
  sessionHash: string;
  accountId: string;
  organizationId: string;
  contactId: string;
  portalUserId: string;
  user: { id: string; firstName: string; lastName: string; email: string };
  organization: Pick<Organization, 'id' | 'name'>;
  account: AccountSettings;
}

/**
 * The session check of every non-public portal route (SPEC §4), in two reads: the session, then
 * the contact, its organization and the account together. It refuses a session that is unknown,
 * expired or ended; whose portal user is not active; whose contact or organization is gone; whose
 * contact moved, was unassigned or changed e-mail since (a new access version, even if moved back);
 * or whose account switched the add-on off. So deactivation takes effect on the very next request
 * (B19), before any event handler runs. The 401's code says which (session-refusal.ts) — to the
 * holder of an issued session only; anyone else hears `not_logged_in`.
 */
export async function checkSession(token: string | undefined, now = new Date()): Promise<PortalCaller> {
  if (!token || !tokenPattern.test(token)) throw sessionRefused('not_logged_in');
  const sessionHash = hashToken(token);
  const session = await getSession(sessionHash);
  if (!session) throw sessionRefused('not_logged_in');
  const ended = refusalOfEnded(session);
  if (ended) throw sessionRefused(ended);

  const subjects = await getSessionSubjects(session);
  const refusal = refusalOf(session, subjects, now);
  if (refusal) throw sessionRefused(refusal);
  const { organization, account } = subjects;
  // refusalOf has answered for both; the narrowing is for the compiler.
  const user = subjects.contact?.portalUser;
  if (!user || !organization) throw sessionRefused('access_removed');

  if (now.getTime() - Date.parse(session.lastSeenAt) > sessionPolicy.touchEveryMs)
    await touchSession(sessionHash, now);

  return {
    sessionHash,
    accountId: session.accountId,
    organizationId: session.organizationId,
    contactId: session.contactId,
    portalUserId: user.id,
    user: { id: user.id, firstName: user.firstName, lastName: user.lastName, email: user.email },
    organization: { id: organization.id, name: organization.name },
    account,
  };
}
