import { getOrganization } from '../data/organizations.ts';
import {
  deleteIfPointsAt,
  markPortalUserDeactivated,
  putAuditOnce,
  releasePrimaryContact,
  revokeSessionsAndLinks,
} from '../data/access-cleanup.ts';
import { keys } from '../data/keys.ts';
import type { AccessEnded } from '../events/catalog.ts';
import { addSplitMetric } from '../metrics/metrics.ts';
import { newId } from '../util/ids.ts';
import { hashEmail } from '../util/tokens.ts';
import type { DeactivationCause } from './portal-access.ts';

export type AccessEndedEvent = AccessEnded & { newOrganizationId?: string | null; wasActive?: boolean };

/**
 * B15–B21, the asynchronous half: the session check already refuses this access (B19); this makes
 * it durable — the portal user marked deactivated with its cause, its sessions and unused login
 * links revoked, its pending invitation and login e-mail entry removed, an audit entry written.
 * Everything is bounded by the ended access version, so a late or repeated event never touches a
 * newer invitation or portal user (B20), and the same event twice gives the same end state.
 */
export async function endPortalAccess(event: AccessEndedEvent): Promise<void> {
  const { accountId, contactId, accessVersion } = event;
  let cause: DeactivationCause = event.cause;
  if (cause === 'contact_deleted' && event.organizationId && event.wasActive) {
    // A contact deleted by its organization's cascade: the organization is gone (B15).
    if (!(await getOrganization(accountId, event.organizationId))) cause = 'organization_deleted';
  }
  await Promise.all([
    revokeSessionsAndLinks(
      accountId,
      contactId,
      accessVersion,
      event.cause === 'revoked_by_recruiter' ? event.portalUserId : undefined,
    ),
    event.invitationTokenHash
      ? deleteIfPointsAt(keys.invitationToken(event.invitationTokenHash), 'contactId', contactId)
      : undefined,
    event.portalUserId && event.portalUserEmail
      ? deleteIfPointsAt(
          keys.loginEmail(hashEmail(event.portalUserEmail), accountId, contactId),
          'portalUserId',
          event.portalUserId,
        )
      : undefined,
    event.portalUserId && cause !== 'contact_deleted' && cause !== 'organization_deleted'
      ? markPortalUserDeactivated(accountId, contactId, event.portalUserId, accessVersion, cause, event.at)
      : undefined,
  ]);
  if (event.wasActive && cause !== 'revoked_by_recruiter') {
    // The recruiter's own revoke is audited in its request; every other ending is audited here, once.
    const first = await putAuditOnce(accountId, contactId, `deactivated-v${accessVersion}`, {
      id: newId(),
      type: 'deactivated',
      at: new Date().toISOString(),
      actor: { type: 'system' },
      cause,
    });
    // Counted with its audit entry, so a repeated or retried event counts nothing.
    if (first) addSplitMetric('Deactivations', cause);
  }
}

/** B10: a contact that left its organization, or was deleted, is no job's primary contact any more. */
export const releaseJobsOf = (event: AccessEndedEvent) =>
  releasePrimaryContact(
    event.accountId,
    event.contactId,
    event.cause === 'contact_deleted' ? null : (event.newOrganizationId ?? null),
  );
