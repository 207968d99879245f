import type { AuditEntry } from '../domain/audit.ts';
import { changeContactAudited } from './audited-contact-change.ts';

/**
 * B22: marks the active portal user deactivated on the contact item — so the session check refuses
 * it on the next request — and records it, in one transaction.
 */
export async function revokeAccess(accountId: string, contactId: string, audit: AuditEntry) {
  const outcome = await changeContactAudited(
    accountId,
    contactId,
    {
      UpdateExpression:
        'SET portalUser.#status = :off, portalUser.deactivatedAt = :at, portalUser.deactivatedCause = :cause, rev = rev + :one',
      ConditionExpression: 'portalUser.#status = :active AND portalUser.accessVersion = accessVersion',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':off': 'deactivated',
        ':active': 'active',
        ':at': audit.at,
        ':cause': audit.cause,
        ':one': 1,
      },
    },
    audit,
  );
  return outcome === 'condition_failed' ? 'no_active_access' : outcome;
}
