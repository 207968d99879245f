import { logger } from '../clients/logger.ts';
import { getContactAndAccount } from '../data/contacts.ts';
import * as store from '../data/invitations.ts';
import { revokeAccess } from '../data/portal-access.ts';
import { getOrganization } from '../data/organizations.ts';
import { portalLinks } from '../email/links.ts';
import { sendEmail } from '../email/send-email.ts';
import { addMetric, addSplitMetric } from '../metrics/metrics.ts';
import { invitationEmail } from '../email/templates/invitation.ts';
import type { Recruiter } from '../http/recruiter-auth.ts';
import { newId } from '../util/ids.ts';
import { addDays, nowIso } from '../util/time.ts';
import { newToken } from '../util/tokens.ts';
import { recruiterActor } from './audit.ts';
import { notFound, portalDisabled, refused, upstream } from './errors.ts';
import { StaleRead, withFreshRead } from './optimistic.ts';
import { ineligibility, type IneligibleReason } from './portal-access.ts';

export const invitationValidityDays = 7;

const notEligible = (reasons: IneligibleReason[]) =>
  refused('not_eligible', 'This contact cannot be invited to the Client Portal.', { reasons });

export interface InvitationAnswer {
  contactId: string;
  status: 'invited';
  expiresAt: string;
}

/**
 * B1–B4, B9: checks eligibility on what was read, writes the invitation in one transaction whose
 * conditions re-check it, then sends the e-mail; if SES refuses, the invitation is withdrawn so no
 * usable half-made invitation is left behind.
 */
export function inviteContact(recruiter: Recruiter, contactId: string): Promise<InvitationAnswer> {
  const { accountId } = recruiter;
  return withFreshRead(async () => {
    const { contact, account } = await getContactAndAccount(accountId, contactId);
    if (!account.portalEnabled) throw portalDisabled();
    if (!contact) throw notFound('The contact');
    const reasons = ineligibility(contact, account);
    if (reasons.length > 0 || !contact.organizationId || !contact.email) throw notEligible(reasons);
    const organization = await getOrganization(accountId, contact.organizationId);
    if (!organization) throw notEligible(['no_organization']);

    const now = new Date();
    const { token, hash } = newToken();
    const invitation = {
      tokenHash: hash,
      expiresAt: addDays(now, invitationValidityDays).toISOString(),
      accessVersion: contact.accessVersion,
      invitedAt: now.toISOString(),
      invitedBy: recruiter.email,
    };
    const pending: store.NewInvitation = {
      accountId,
      contactId,
      organizationId: organization.id,
      rev: contact.rev,
      invitation,
      ...(contact.invitation ? { previous: contact.invitation } : {}),
      audit: {
        id: newId(),
        type: contact.invitation ? 'reinvited' : 'invited',
        at: nowIso(),
        actor: recruiterActor(recruiter.email),
      },
    };
    const outcome = await store.storeInvitation(pending);
    if (outcome === 'portal_disabled') throw portalDisabled();
    if (outcome === 'organization_missing') throw notEligible(['no_organization']);
    if (outcome === 'conflict') throw new StaleRead();

    try {
      await sendEmail({
        ...invitationEmail({
          to: contact.email,
          firstName: contact.firstName,
          agencyName: account.portalName,
          organizationName: organization.name,
          link: portalLinks.signup(token),
          expiresAt: invitation.expiresAt,
        }),
        tracking: { type: 'invitation', accountId, contactId },
      });
    } catch (error) {
      logger.error('invitation e-mail refused', { error, contactId });
      await store.withdrawUnsentInvitation(pending);
      throw upstream(
        'email_failed',
        'The invitation e-mail could not be sent, so no invitation was made. Please try again.',
      );
    }
    addMetric('InvitationsSent');
    return { contactId, status: 'invited', expiresAt: invitation.expiresAt };
  });
}

export async function revokeInvitation(recruiter: Recruiter, contactId: string): Promise<void> {
  const outcome = await store.revokeInvitation(recruiter.accountId, contactId, {
    id: newId(),
    type: 'invitation_revoked',
    at: nowIso(),
    actor: recruiterActor(recruiter.email),
  });
  if (outcome === 'contact_missing') throw notFound('The contact');
  if (outcome === 'no_invitation')
    throw refused('no_pending_invitation', 'This contact has no pending invitation.');
}

/** B22: a recruiter ends a contact's active portal access by hand; it takes effect on the next request. */
export async function revokePortalAccess(recruiter: Recruiter, contactId: string): Promise<void> {
  const outcome = await revokeAccess(recruiter.accountId, contactId, {
    id: newId(),
    type: 'deactivated',
    at: nowIso(),
    actor: recruiterActor(recruiter.email),
    cause: 'revoked_by_recruiter',
  });
  if (outcome === 'contact_missing') throw notFound('The contact');
  if (outcome === 'no_active_access')
    throw refused('no_active_access', 'This contact has no active portal access.');
  // Counted here, with its audit entry: the event that follows skips both for this cause.
  addSplitMetric('Deactivations', 'revoked_by_recruiter');
}
