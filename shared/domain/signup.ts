import { logger } from '../clients/logger.ts';
import type { Signup } from '../api/schemas/portal.ts';
import { commitSignup, loadInvitation } from '../data/signup.ts';
import { portalLinks } from '../email/links.ts';
import { sendEmail } from '../email/send-email.ts';
import { addMetric } from '../metrics/metrics.ts';
import { welcomeLoginEmail } from '../email/templates/login-link.ts';
import { newId } from '../util/ids.ts';
import { hashToken } from '../util/tokens.ts';
import { DomainError, portalDisabled, refused } from './errors.ts';
import type { PortalUser } from './portal-access.ts';
import { issueSession } from './sessions-issue.ts';

const invitationNotFound = () =>
  new DomainError(
    'not_found',
    'invitation_not_found',
    'This invitation link is not valid any more. Ask your recruiter for a new one.',
  );

/** The invitation behind a token, if it can still be used: same contact access, organization and e-mail. */
async function usableInvitation(token: string, now: Date) {
  const tokenHash = hashToken(token);
  const loaded = await loadInvitation(tokenHash);
  const invitation = loaded?.contact?.invitation;
  if (
    !loaded?.contact ||
    !loaded.organization ||
    !loaded.contact.email ||
    invitation?.tokenHash !== tokenHash ||
    invitation.accessVersion !== loaded.contact.accessVersion ||
    loaded.contact.organizationId !== loaded.pointer.organizationId
  )
    throw invitationNotFound();
  if (!loaded.account.portalEnabled) throw portalDisabled();
  if (Date.parse(invitation.expiresAt) <= now.getTime())
    throw refused('invitation_expired', 'This invitation has expired. Ask your recruiter to send a new one.');
  return {
    tokenHash,
    invitation,
    ...loaded,
    contact: loaded.contact,
    organization: loaded.organization,
    email: loaded.contact.email,
  };
}

/** B5: who is invited — read-only, so e-mail link scanners that fetch the link change nothing. */
export async function describeInvitation(token: string) {
  const { contact, organization, account, invitation, email } = await usableInvitation(token, new Date());
  return {
    email,
    firstName: contact.firstName,
    lastName: contact.lastName,
    organization: { name: organization.name },
    agency: { name: account.portalName },
    expiresAt: invitation.expiresAt,
  };
}

/** B5, B6: consumes the invitation, creates the portal user and a session, then e-mails the login page. */
export async function signUp(input: Signup) {
  const now = new Date();
  const found = await usableInvitation(input.token, now);
  const { contact, organization, account, email } = found;
  const portalUser: PortalUser = {
    id: newId(),
    status: 'active',
    accessVersion: contact.accessVersion,
    email,
    firstName: input.firstName,
    lastName: input.lastName,
    jobTitle: input.jobTitle?.trim() || null,
    joinedAt: now.toISOString(),
  };
  const session = issueSession(
    {
      accountId: account.id,
      organizationId: organization.id,
      contactId: contact.id,
      portalUserId: portalUser.id,
      accessVersion: contact.accessVersion,
    },
    now,
  );
  const committed = await commitSignup({
    tokenHash: found.tokenHash,
    accountId: account.id,
    contactId: contact.id,
    organizationId: organization.id,
    accessVersion: contact.accessVersion,
    email,
    now: now.toISOString(),
    portalUser,
    session: { hash: session.hash, record: session.record },
    audit: { id: newId(), type: 'joined', at: now.toISOString(), actor: { type: 'client', email } },
  });
  // A concurrent sign-up with the same token, a revoke or a contact change won the race.
  if (!committed) throw invitationNotFound();
  addMetric('SignUps');

  try {
    await sendEmail({
      ...welcomeLoginEmail({
        to: email,
        firstName: input.firstName,
        agencyName: account.portalName,
        loginUrl: portalLinks.login(),
      }),
      tracking: { type: 'login_link', accountId: account.id, contactId: contact.id },
    });
  } catch (error) {
    // The account exists and the user is signed in; the login page works without this e-mail.
    logger.error('login link e-mail after sign-up could not be sent', { error, contactId: contact.id });
  }
  return {
    sessionToken: session.token,
    user: { id: portalUser.id, firstName: portalUser.firstName, lastName: portalUser.lastName, email },
  };
}
