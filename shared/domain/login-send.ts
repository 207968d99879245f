import { logger } from '../clients/logger.ts';
import { loginCodeKey } from '../data/login-code-key.ts';
import { loginEntries, loginSubjects } from '../data/login-entries.ts';
import type { LoginLinkRecord } from '../data/login-links.ts';
import { maxLinksPerRequest, storeLoginRequest, type LoginCodeEntry } from '../data/login-requests.ts';
import { portalLinks } from '../email/links.ts';
import { sendEmail } from '../email/send-email.ts';
import { magicLinkEmail } from '../email/templates/login-link.ts';
import { addMetric } from '../metrics/metrics.ts';
import { hashEmail, newToken } from '../util/tokens.ts';
import { loginCodeHash, newLoginCodes } from './login-codes.ts';
import { hasActiveAccess } from './portal-access.ts';
import { sessionPolicy } from './session-policy.ts';

const sameAddress = (a: string | null | undefined, b: string) =>
  (a ?? '').trim().toLowerCase() === b.trim().toLowerCase();

export interface LoginRequest {
  email: string;
  requestedAt: string;
  /** The hash of the id the route answered; the id itself never leaves the route and the browser. */
  requestIdHash: string;
}

/** `skipped`: nothing written, nothing sent — a newer request won, or this one's login was already used or tried. */
export type SendOutcome = { links: number; skipped?: 'superseded' | 'spent' };

/** Who may log in with this e-mail: active portal users of agencies with the add-on on. */
async function activeSubjects(email: string) {
  const entries = await loginEntries(hashEmail(email));
  if (entries.length === 0) return [];
  return (await loginSubjects(entries)).filter(
    (s) =>
      s.contact &&
      s.organization &&
      s.account.portalEnabled &&
      hasActiveAccess(s.contact) &&
      s.contact.portalUser?.id === s.entry.portalUserId &&
      sameAddress(s.contact.email, email),
  );
}

/**
 * B7 and B24, done asynchronously after the 202: one login link and one login code per agency
 * where this e-mail belongs to an active portal user, all in one e-mail. The request becomes the
 * newest of its e-mail, so the links and codes of older ones stop working; a request that arrives
 * after a newer one was stored sends nothing. The same request handled again (a redelivered event)
 * draws new links and codes and kills the first ones, unless one of them was already used or tried:
 * then it sends nothing. Unknown addresses end here, silently.
 */
export async function sendLoginLinks(request: LoginRequest, now = new Date()): Promise<SendOutcome> {
  let subjects = await activeSubjects(request.email);
  if (subjects.length === 0) return { links: 0 };
  if (subjects.length > maxLinksPerRequest) {
    logger.warn('login request for more agencies than one request holds', { count: subjects.length });
    subjects = subjects.slice(0, maxLinksPerRequest);
  }
  const key = await loginCodeKey();
  const emailHash = hashEmail(request.email);
  const requestStamp = `${request.requestedAt}#${request.requestIdHash}`;
  const expiresAt = new Date(now.getTime() + sessionPolicy.loginLinkMs).toISOString();
  const codes = newLoginCodes(subjects.length);
  const logins = subjects.map((s, i) => {
    const { token, hash } = newToken();
    const code = codes[i] as string;
    const record: LoginLinkRecord = {
      accountId: s.entry.accountId,
      organizationId: s.organization?.id as string,
      contactId: s.entry.contactId,
      portalUserId: s.entry.portalUserId,
      accessVersion: s.contact?.accessVersion as number,
      createdAt: now.toISOString(),
      expiresAt,
      emailHash,
      requestStamp,
    };
    const entry: LoginCodeEntry = {
      codeHash: loginCodeHash(key, request.requestIdHash, code),
      linkHash: hash,
      accountId: record.accountId,
      organizationId: record.organizationId,
      contactId: record.contactId,
      portalUserId: record.portalUserId,
      accessVersion: record.accessVersion,
    };
    const view = {
      agencyName: s.account.portalName,
      organizationName: s.organization?.name ?? '',
      url: portalLinks.loginContinue(token),
      code,
    };
    return { hash, record, entry, view };
  });
  const stored = await storeLoginRequest({
    requestIdHash: request.requestIdHash,
    request: {
      emailHash,
      requestStamp,
      createdAt: now.toISOString(),
      expiresAt,
      codes: logins.map((l) => l.entry),
    },
    links: logins.map(({ hash, record }) => ({ hash, record })),
  });
  if (stored !== 'stored') return { links: 0, skipped: stored };
  // One agency: the tags name its contact. Several: the login request (kept a day) lists them all.
  const only = logins.length === 1 ? logins[0]?.record : undefined;
  await sendEmail({
    ...magicLinkEmail({ to: request.email, links: logins.map((l) => l.view) }),
    tracking: {
      type: 'login_link',
      loginRequest: request.requestIdHash,
      ...(only ? { accountId: only.accountId, contactId: only.contactId } : {}),
    },
  });
  addMetric('LoginLinksSent', logins.length);
  return { links: logins.length };
}
