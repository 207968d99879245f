import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../clients/dynamodb.ts';
import type { AuditEntry } from '../domain/audit.ts';
import type { Invitation } from '../domain/portal-access.ts';
import { epochSeconds } from '../util/time.ts';
import { auditItem } from './audit.ts';
import { changeContactAudited } from './audited-contact-change.ts';
import { failedConditions } from './dynamo-errors.ts';
import { itemTypes } from './items.ts';
import { keys } from './keys.ts';
import { organizationExists } from './organizations.ts';
import { portalEnabledCheck } from './accounts.ts';

export interface NewInvitation {
  accountId: string;
  contactId: string;
  organizationId: string;
  /** The contact revision the eligibility was decided on. */
  rev: number;
  invitation: Invitation;
  /** The invitation this one replaces, if any: put back if the new e-mail cannot be sent. */
  previous?: Invitation;
  audit: AuditEntry;
}

export type InvitationOutcome = 'ok' | 'portal_disabled' | 'organization_missing' | 'conflict';

/**
 * One transaction: the add-on is on, the organization exists, the contact is as it was read, the
 * invitation replaces any earlier one (whose link stops working: sign-up compares the token hash
 * with the contact's current invitation), the token pointer, and the audit entry.
 */
export async function storeInvitation(n: NewInvitation): Promise<InvitationOutcome> {
  try {
    await db.send(
      new TransactWriteCommand({
        TransactItems: [
          { ConditionCheck: portalEnabledCheck(n.accountId) },
          { ConditionCheck: organizationExists(n.accountId, n.organizationId) },
          {
            Update: {
              TableName: tableName,
              Key: keys.contact(n.accountId, n.contactId),
              UpdateExpression: 'SET invitation = :inv, rev = :next',
              ConditionExpression: 'rev = :rev',
              ExpressionAttributeValues: { ':inv': n.invitation, ':rev': n.rev, ':next': n.rev + 1 },
            },
          },
          {
            Put: {
              TableName: tableName,
              Item: {
                ...keys.invitationToken(n.invitation.tokenHash),
                type: itemTypes.invitationToken,
                accountId: n.accountId,
                contactId: n.contactId,
                organizationId: n.organizationId,
                expiresAt: n.invitation.expiresAt,
                ttl: epochSeconds(new Date(n.invitation.expiresAt)) + 86_400,
              },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          { Put: { TableName: tableName, Item: auditItem(n.accountId, n.contactId, n.audit) } },
        ],
      }),
    );
    return 'ok';
  } catch (error) {
    const failed = failedConditions(error);
    if (!failed) throw error;
    if (failed[0]) return 'portal_disabled';
    if (failed[1]) return 'organization_missing';
    return 'conflict';
  }
}

/**
 * Undoes an invitation whose e-mail could not be sent, unless a newer one replaced it meanwhile:
 * the invitation it replaced comes back (its token pointer was never removed), so a failed re-invite
 * leaves the earlier link working.
 */
export async function withdrawUnsentInvitation(n: NewInvitation): Promise<void> {
  try {
    await db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName,
              Key: keys.contact(n.accountId, n.contactId),
              ConditionExpression: 'invitation.tokenHash = :hash',
              ...(n.previous
                ? {
                    UpdateExpression: 'SET invitation = :previous, rev = rev + :one',
                    ExpressionAttributeValues: {
                      ':hash': n.invitation.tokenHash,
                      ':one': 1,
                      ':previous': n.previous,
                    },
                  }
                : {
                    UpdateExpression: 'REMOVE invitation SET rev = rev + :one',
                    ExpressionAttributeValues: { ':hash': n.invitation.tokenHash, ':one': 1 },
                  }),
            },
          },
          { Delete: { TableName: tableName, Key: keys.invitationToken(n.invitation.tokenHash) } },
          {
            Delete: {
              TableName: tableName,
              Key: keys.auditEntry(n.accountId, n.contactId, n.audit.at, n.audit.id),
            },
          },
        ],
      }),
    );
  } catch (error) {
    if (!failedConditions(error)) throw error;
  }
}

/** Revokes the pending invitation (B4) and records it, in one transaction. */
export async function revokeInvitation(accountId: string, contactId: string, audit: AuditEntry) {
  const outcome = await changeContactAudited(
    accountId,
    contactId,
    {
      UpdateExpression: 'REMOVE invitation SET rev = rev + :one',
      // Only an invitation made for the contact's current access is pending.
      ConditionExpression: 'attribute_exists(invitation) AND invitation.accessVersion = accessVersion',
      ExpressionAttributeValues: { ':one': 1 },
    },
    audit,
  );
  return outcome === 'condition_failed' ? 'no_invitation' : outcome;
}
