import { getOrganization } from '../data/organizations.ts';
import {
  accessItemsPage,
  deleteIfPointsAt,
  deleteLoginLinks,
  endSessions,
  markPortalUserDeactivated,
  putAuditOnce,
  releasePrimaryContact,
  revokable,
} from '../data/access-cleanup.ts';
import type { Item } from '../data/items.ts';
import { keys } from '../data/keys.ts';
import type { AccessEnded } from '../events/catalog.ts';
import { addSplitMetric } from '../metrics/metrics.ts';
import { handOff, type HasTime } from '../events/hand-off.ts';
import { newId } from '../util/ids.ts';
import { hashEmail } from '../util/tokens.ts';
import { runLongWork } from './long-work.ts';
import type { DeactivationCause } from './portal-access.ts';

export type AccessEndedEvent = AccessEnded & { newOrganizationId?: string | null; wasActive?: boolean };

type Phase = 'sessions' | 'loginLinks';
const phases: readonly Phase[] = ['sessions', 'loginLinks'];
/** Where a follow-up run resumes: which list, and the index position in it. */
type AccessResume = { phase: Phase; key: Record<string, unknown> };

export interface EndAccessOptions {
  hasTime?: HasTime;
  /** The event's detail type: a follow-up event is the same event with `resumeAfter`. */
  detailType?: string;
}

const indexPosition = (i: Item) => ({ PK: i.PK, SK: i.SK, GSI1PK: i.GSI1PK, GSI1SK: i.GSI1SK });

/**
 * B15–B21, the asynchronous half: the session check already refuses this access (B19); this makes
 * it durable — the portal user marked deactivated with its cause, its sessions and unused login
 * links revoked, its pending invitation and login e-mail entry removed, an audit entry written.
 * Everything is bounded by the ended access version, so a late or repeated event never touches a
 * newer invitation or portal user (B20), and the same event twice gives the same end state.
 * Sessions and links go 25 at a time; short of time, the rest goes to a follow-up event and the
 * audit entry is written by the run that finishes (docs/long-work.md).
 */
export async function endPortalAccess(
  event: AccessEndedEvent,
  { hasTime = () => true, detailType }: EndAccessOptions = {},
): Promise<{ revoked: number; continued: boolean }> {
  const { accountId, contactId, accessVersion } = event;
  const resume = event.resumeAfter as AccessResume | undefined;
  let cause: DeactivationCause = event.cause;
  if (cause === 'contact_deleted' && event.organizationId && event.wasActive) {
    // A contact deleted by its organization's cascade: the organization is gone (B15).
    if (!(await getOrganization(accountId, event.organizationId))) cause = 'organization_deleted';
  }
  if (!resume) {
    await Promise.all([
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
  }
  const ended = {
    endedVersion: accessVersion,
    ...(event.cause === 'revoked_by_recruiter' && event.portalUserId
      ? { endedPortalUserId: event.portalUserId }
      : {}),
  };
  let revoked = 0;
  for (const phase of phases.slice(resume ? phases.indexOf(resume.phase) : 0)) {
    const run = await runLongWork({
      start: resume?.phase === phase ? resume.key : undefined,
      hasTime,
      positionAfter: indexPosition,
      page: async (start) => {
        const page = await accessItemsPage(phase, accountId, contactId, start);
        return { items: page.items.filter((i) => revokable(i, ended)), nextKey: page.nextKey };
      },
      batch: (items) => (phase === 'sessions' ? endSessions(items) : deleteLoginLinks(items)),
    });
    revoked += run.items;
    if (run.resumeAfter && detailType) {
      await handOff(detailType, event, { phase, key: run.resumeAfter } satisfies AccessResume);
      return { revoked, continued: true };
    }
  }
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
  return { revoked, continued: false };
}

/** B10: a contact that left its organization, or was deleted, is no job's primary contact any more. */
export const releaseJobsOf = (event: AccessEndedEvent) =>
  releasePrimaryContact(
    event.accountId,
    event.contactId,
    event.cause === 'contact_deleted' ? null : (event.newOrganizationId ?? null),
  );
