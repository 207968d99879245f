import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../clients/dynamodb.ts';
import type { AuditEntry } from '../domain/audit.ts';
import type { PortalUser } from '../domain/portal-access.ts';
import { hashEmail } from '../util/tokens.ts';
import { auditItem } from './audit.ts';
import { failedConditions } from './dynamo-errors.ts';
import { itemTypes } from './items.ts';
import { keys } from './keys.ts';
import { organizationExists } from './organizations.ts';
import { loadPointer } from './subjects.ts';
import { newSessionItem, type SessionRecord } from './sessions.ts';
import { portalEnabledCheck } from './accounts.ts';

interface InvitationPointer {
  accountId: string;
  contactId: string;
  organizationId: string;
  expiresAt: string;
}

/** The invitation behind a token, in two reads (pointer, then contact + organization + account). Consumes nothing. */
export const loadInvitation = (tokenHash: string) =>
  loadPointer<InvitationPointer>(keys.invitationToken(tokenHash));

export interface SignupCommit {
  tokenHash: string;
  accountId: string;
  contactId: string;
  organizationId: string;
  accessVersion: number;
  email: string;
  now: string;
  portalUser: PortalUser;
  session: { hash: string; record: SessionRecord };
  audit: AuditEntry;
}

/**
 * One transaction consumes the invitation and creates the portal user and its session. Its
 * conditions make the token single-use under concurrency and re-check that the contact is still
 * the one invited: same access version, organization and e-mail, invitation not expired.
 */
export async function commitSignup(c: SignupCommit): Promise<boolean> {
  try {
    await db.send(
      new TransactWriteCommand({
        TransactItems: [
          { ConditionCheck: portalEnabledCheck(c.accountId) },
          { ConditionCheck: organizationExists(c.accountId, c.organizationId) },
          {
            Update: {
              TableName: tableName,
              Key: keys.contact(c.accountId, c.contactId),
              UpdateExpression: 'SET portalUser = :user, rev = rev + :one REMOVE invitation',
              ConditionExpression:
                'invitation.tokenHash = :hash AND invitation.expiresAt > :now AND invitation.accessVersion = :version AND ' +
                'accessVersion = :version AND organizationId = :org AND email = :email',
              ExpressionAttributeValues: {
                ':user': c.portalUser,
                ':one': 1,
                ':hash': c.tokenHash,
                ':now': c.now,
                ':version': c.accessVersion,
                ':org': c.organizationId,
                ':email': c.email,
              },
            },
          },
          {
            Delete: {
              TableName: tableName,
              Key: keys.invitationToken(c.tokenHash),
              ConditionExpression: 'attribute_exists(PK)',
            },
          },
          { Put: { TableName: tableName, Item: newSessionItem(c.session.hash, c.session.record) } },
          {
            Put: {
              TableName: tableName,
              Item: {
                ...keys.loginEmail(hashEmail(c.email), c.accountId, c.contactId),
                type: itemTypes.loginEmail,
                accountId: c.accountId,
                contactId: c.contactId,
                portalUserId: c.portalUser.id,
              },
            },
          },
          { Put: { TableName: tableName, Item: auditItem(c.accountId, c.contactId, c.audit) } },
        ],
      }),
    );
    return true;
  } catch (error) {
    if (failedConditions(error)) return false;
    throw error;
  }
}
