import * as z from 'zod/mini';
import type { AccountSettings } from './account.ts';

export const deactivationCauses = [
  'contact_deleted',
  'organization_deleted',
  'contact_unassigned',
  'contact_moved',
  'contact_email_changed',
  'revoked_by_recruiter',
] as const;
export type DeactivationCause = (typeof deactivationCauses)[number];

export type PortalStatus = 'none' | 'invited' | 'expired' | 'active' | 'deactivated';
export type IneligibleReason =
  | 'portal_disabled'
  | 'missing_email'
  | 'invalid_email'
  | 'no_organization'
  | 'already_active';

export interface Invitation {
  tokenHash: string;
  expiresAt: string;
  /** The contact's access version the invitation was made for (SPEC §4). */
  accessVersion: number;
  invitedAt: string;
  invitedBy: string;
}

export interface PortalUser {
  id: string;
  status: 'active' | 'deactivated';
  accessVersion: number;
  email: string;
  firstName: string;
  lastName: string;
  jobTitle: string | null;
  joinedAt: string;
  deactivatedAt?: string;
  deactivatedCause?: DeactivationCause;
}

/** The portal-relevant part of a contact record. */
export interface PortalFacts {
  email: string | null;
  organizationId: string | null;
  accessVersion: number;
  invitation?: Invitation;
  portalUser?: PortalUser;
  /** Why the access version last changed (moved, unassigned, email changed). */
  accessEndedCause?: DeactivationCause;
}

// Built at import only in the functions that check an address.
const emailSyntax = /* @__PURE__ */ z.email();
export const isValidEmail = (email: string) => z.safeParse(emailSyntax, email).success;

/** An access record only counts for the access version it was made for (B17, B19, B20). */
export const hasActiveAccess = (c: PortalFacts) =>
  c.portalUser?.status === 'active' && c.portalUser.accessVersion === c.accessVersion;

export const livePendingInvitation = (c: PortalFacts): Invitation | undefined =>
  c.invitation && c.invitation.accessVersion === c.accessVersion ? c.invitation : undefined;

export interface PortalView {
  status: PortalStatus;
  eligible: boolean;
  reasons: IneligibleReason[];
  invitationExpiresAt?: string;
  deactivatedCause?: DeactivationCause;
}

export function portalStatus(c: PortalFacts, now: Date): Omit<PortalView, 'eligible' | 'reasons'> {
  if (hasActiveAccess(c)) return { status: 'active' };
  const invitation = livePendingInvitation(c);
  if (invitation) {
    const expired = Date.parse(invitation.expiresAt) <= now.getTime();
    return { status: expired ? 'expired' : 'invited', invitationExpiresAt: invitation.expiresAt };
  }
  if (c.portalUser) {
    const cause = c.portalUser.deactivatedCause ?? c.accessEndedCause;
    return cause ? { status: 'deactivated', deactivatedCause: cause } : { status: 'deactivated' };
  }
  return { status: 'none' };
}

/** B2: who may be invited, and why not — in the order the SPEC lists the reasons. */
export function ineligibility(c: PortalFacts, account: AccountSettings): IneligibleReason[] {
  const reasons: IneligibleReason[] = [];
  if (!account.portalEnabled) reasons.push('portal_disabled');
  if (!c.email) reasons.push('missing_email');
  else if (!isValidEmail(c.email)) reasons.push('invalid_email');
  if (!c.organizationId) reasons.push('no_organization');
  if (hasActiveAccess(c)) reasons.push('already_active');
  return reasons;
}

/**
 * B2, B4, B19. `organizationGone`: the contact's organization was deleted and the cascade has not
 * reached the contact yet — its access already ended (the session check refuses it), so the status
 * says so at once, and the contact cannot be invited.
 */
export function portalView(
  c: PortalFacts,
  account: AccountSettings,
  now: Date,
  organizationGone = false,
): PortalView {
  if (organizationGone) {
    // Its access has ended with the organization: nothing is "already active" any more.
    const reasons = ineligibility({ ...c, organizationId: null }, account).filter(
      (r) => r !== 'already_active',
    );
    const status: Omit<PortalView, 'eligible' | 'reasons'> = c.portalUser
      ? {
          status: 'deactivated',
          deactivatedCause: hasActiveAccess(c)
            ? 'organization_deleted'
            : (c.portalUser.deactivatedCause ?? c.accessEndedCause ?? 'organization_deleted'),
        }
      : { status: 'none' };
    return { ...status, eligible: false, reasons };
  }
  const reasons = ineligibility(c, account);
  return { ...portalStatus(c, now), eligible: reasons.length === 0, reasons };
}

/** Whether the portal status depends on the organization still existing (worth one more read). */
export const dependsOnOrganization = (c: PortalFacts) =>
  c.organizationId !== null && (hasActiveAccess(c) || livePendingInvitation(c) !== undefined);

/**
 * What changing a contact's organization or email does to its access (B17): a new access
 * version, and the cause that the portal status and the audit trail will show.
 */
export function accessChangeCause(
  before: Pick<PortalFacts, 'email' | 'organizationId'>,
  after: Pick<PortalFacts, 'email' | 'organizationId'>,
): DeactivationCause | undefined {
  if (before.organizationId !== after.organizationId) {
    return after.organizationId === null ? 'contact_unassigned' : 'contact_moved';
  }
  const normalise = (e: string | null) => (e ?? '').trim().toLowerCase();
  if (normalise(before.email) !== normalise(after.email)) return 'contact_email_changed';
  return undefined;
}
