import {
  commitLogin,
  loadLoginLink,
  loginEntries,
  loginSubjects,
  storeLoginLinks,
} from '../data/login-links.ts';
import type { LoginLinkRecord } from '../data/login-links.ts';
import { portalLinks } from '../email/links.ts';
import { sendEmail } from '../email/send-email.ts';
import { magicLinkEmail } from '../email/templates/login-link.ts';
import { newId } from '../util/ids.ts';
import { hashEmail, hashToken, newToken } from '../util/tokens.ts';
import { DomainError, refused, unauthorized } from './errors.ts';
import { hasActiveAccess } from './portal-access.ts';
import { sessionPolicy } from './session-policy.ts';
import { issueSession } from './sessions-issue.ts';

const sameAddress = (a: string | null | undefined, b: string) =>
  (a ?? '').trim().toLowerCase() === b.trim().toLowerCase();

/**
 * B7, done asynchronously after the 202: one login link per agency where this e-mail belongs to an
 * active portal user, all in one e-mail. Unknown addresses end here, silently.
 */
export async function sendLoginLinks(email: string, now = new Date()): Promise<number> {
  const entries = await loginEntries(hashEmail(email));
  if (entries.length === 0) return 0;
  const subjects = (await loginSubjects(entries)).filter(
    (s) =>
      s.contact &&
      s.organization &&
      s.account.portalEnabled &&
      hasActiveAccess(s.contact) &&
      s.contact.portalUser?.id === s.entry.portalUserId &&
      sameAddress(s.contact.email, email),
  );
  if (subjects.length === 0) return 0;
  const expiresAt = new Date(now.getTime() + sessionPolicy.loginLinkMs).toISOString();
  const links = subjects.map((s) => {
    const { token, hash } = newToken();
    const record: LoginLinkRecord = {
      accountId: s.entry.accountId,
      organizationId: s.organization?.id as string,
      contactId: s.entry.contactId,
      portalUserId: s.entry.portalUserId,
      accessVersion: s.contact?.accessVersion as number,
      createdAt: now.toISOString(),
      expiresAt,
    };
    const view = {
      agencyName: s.account.portalName,
      organizationName: s.organization?.name ?? '',
      url: portalLinks.loginContinue(token),
    };
    return { hash, record, view };
  });
  await storeLoginLinks(links);
  await sendEmail(magicLinkEmail({ to: email, links: links.map((l) => l.view) }));
  return links.length;
}

const linkNotFound = () =>
  new DomainError(
    'not_found',
    'login_link_not_found',
    'This login link is not valid any more. Ask for a new one on the login page.',
  );

async function usableLink(token: string, now: Date) {
  const tokenHash = hashToken(token);
  const loaded = await loadLoginLink(tokenHash);
  if (!loaded) throw linkNotFound();
  const { link, contact, organization, account } = loaded;
  // B1: with the add-on off, the account's portal users cannot log in.
  if (!account.portalEnabled) throw unauthorized('The Client Portal is switched off for this agency.');
  if (
    !contact ||
    !organization ||
    !hasActiveAccess(contact) ||
    contact.portalUser?.id !== link.portalUserId ||
    contact.accessVersion !== link.accessVersion ||
    contact.organizationId !== link.organizationId
  )
    throw linkNotFound();
  if (Date.parse(link.expiresAt) <= now.getTime())
    throw refused('login_link_expired', 'This login link has expired. Ask for a new one on the login page.');
  return { tokenHash, link, contact, organization, account, user: contact.portalUser };
}

/** Checks a login link without consuming it (the landing page shows where it leads). */
export async function describeLoginLink(token: string) {
  const { user, organization, account, link } = await usableLink(token, new Date());
  return {
    email: user.email,
    organization: { name: organization.name },
    agency: { name: account.portalName },
    expiresAt: link.expiresAt,
  };
}

/** Consumes a login link and starts a new session (B7). */
export async function logIn(token: string) {
  const now = new Date();
  const { tokenHash, link, user } = await usableLink(token, now);
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
  if (!committed) throw linkNotFound();
  return {
    sessionToken: session.token,
    user: { id: user.id, firstName: user.firstName, lastName: user.lastName, email: user.email },
  };
}
