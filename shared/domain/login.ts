import { loginCodeKey } from '../data/login-code-key.ts';
import { commitLogin, loadLoginLink, loadLoginTarget, type LoginLinkRecord } from '../data/login-links.ts';
import { countCodeAttempt } from '../data/login-requests.ts';
import { addMetric } from '../metrics/metrics.ts';
import { newId } from '../util/ids.ts';
import { hashToken } from '../util/tokens.ts';
import { DomainError, refused, unauthorized } from './errors.ts';
import { loginCodeHash, loginCodePolicy, matchLoginCode } from './login-codes.ts';
import { hasActiveAccess } from './portal-access.ts';
import { issueSession } from './sessions-issue.ts';

type Target = Awaited<ReturnType<typeof loadLoginTarget>>;
type PortalUser = NonNullable<NonNullable<Target['contact']>['portalUser']>;
type Checked = { user: PortalUser } | { refusal: 'portal_off' | 'gone' | 'expired' };

/** Whether the login may happen now: the add-on, the access it was made for, the newest request, expiry. */
function check(t: Target, now: Date): Checked {
  // B1: with the add-on off, the account's portal users cannot log in.
  if (!t.account.portalEnabled) return { refusal: 'portal_off' };
  const { link, contact } = t;
  const user = contact?.portalUser;
  if (
    !contact ||
    !user ||
    !t.organization ||
    !hasActiveAccess(contact) ||
    user.id !== link.portalUserId ||
    contact.accessVersion !== link.accessVersion ||
    contact.organizationId !== link.organizationId ||
    // B24: a newer login request of the e-mail replaced this one's links and codes.
    !t.isNewest
  )
    return { refusal: 'gone' };
  if (Date.parse(link.expiresAt) <= now.getTime()) return { refusal: 'expired' };
  return { user };
}

const linkNotFound = () =>
  new DomainError(
    'not_found',
    'login_link_not_found',
    'This login link is not valid any more: it was used, or a newer login e-mail replaced it. Ask for a new one on the login page.',
  );

/** B24: one answer for a wrong code and for every reason a right one is dead. */
const codeRefused = () =>
  new DomainError(
    'unauthorized',
    'login_code_invalid',
    'This login code does not work. Check it against your newest login e-mail, or ask for a new one.',
  );

async function usableLink(token: string, now: Date) {
  const tokenHash = hashToken(token);
  const target = await loadLoginLink(tokenHash);
  if (!target) throw linkNotFound();
  const checked = check(target, now);
  if ('refusal' in checked) {
    if (checked.refusal === 'portal_off')
      throw unauthorized('The Client Portal is switched off for this agency.');
    if (checked.refusal === 'gone') throw linkNotFound();
    throw refused('login_link_expired', 'This login link has expired. Ask for a new one on the login page.');
  }
  return { tokenHash, target, user: checked.user };
}

/** Checks a login link without consuming it (the landing page shows where it leads). */
export async function describeLoginLink(token: string) {
  const { user, target } = await usableLink(token, new Date());
  return {
    email: user.email,
    organization: { name: target.organization?.name ?? '' },
    agency: { name: target.account.portalName },
    expiresAt: target.link.expiresAt,
  };
}

/** Consumes the login behind `tokenHash` and starts a session; undefined if it was used meanwhile. */
async function startSession(tokenHash: string, link: LoginLinkRecord, user: PortalUser, now: Date) {
  const session = issueSession(link, now);
  const committed = await commitLogin({
    tokenHash,
    link,
    now: now.toISOString(),
    session: { hash: session.hash, record: session.record },
    audit: {
      id: newId(),
      type: 'logged_in',
      at: now.toISOString(),
      actor: { type: 'client', email: user.email },
    },
  });
  if (!committed) return undefined;
  addMetric('Logins');
  return {
    sessionToken: session.token,
    user: { id: user.id, firstName: user.firstName, lastName: user.lastName, email: user.email },
  };
}

/** Consumes a login link (and with it its code) and starts a new session (B7). */
export async function logIn(token: string) {
  const now = new Date();
  const { tokenHash, target, user } = await usableLink(token, now);
  const loggedIn = await startSession(tokenHash, target.link, user, now);
  if (!loggedIn) throw linkNotFound();
  addMetric('LoginLinksUsed');
  return loggedIn;
}

/**
 * B24: logs in with a code of a login request, into the agency whose code it is; consumes that
 * agency's link too. The attempt is counted before the code is compared, and every refusal —
 * unknown request, wrong code, too many attempts, expired, used, replaced, access ended — is the
 * same answer.
 */
export async function logInWithCode(loginRequestId: string, code: string) {
  const now = new Date();
  const requestIdHash = hashToken(loginRequestId);
  // The key first: while it cannot be read, a try answers 500 and must not spend an attempt. It
  // is cached (an hour per execution environment), so this adds no wait to later tries.
  const key = await loginCodeKey();
  const request = await countCodeAttempt(requestIdHash, loginCodePolicy.maxAttempts, now);
  const entry = matchLoginCode(request?.codes ?? [], loginCodeHash(key, requestIdHash, code));
  if (!request || !entry) throw codeRefused();
  const link: LoginLinkRecord = {
    accountId: entry.accountId,
    organizationId: entry.organizationId,
    contactId: entry.contactId,
    portalUserId: entry.portalUserId,
    accessVersion: entry.accessVersion,
    createdAt: request.createdAt,
    expiresAt: request.expiresAt,
    emailHash: request.emailHash,
    requestStamp: request.requestStamp,
  };
  const checked = check(await loadLoginTarget(link), now);
  if ('refusal' in checked) throw codeRefused();
  const loggedIn = await startSession(entry.linkHash, link, checked.user, now);
  if (!loggedIn) throw codeRefused();
  addMetric('LoginCodesUsed');
  return loggedIn;
}
