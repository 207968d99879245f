import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../clients/dynamodb.ts';
import type { AuditEntry } from '../domain/audit.ts';
import type { PortalUser } from '../domain/portal-access.ts';
import { hashEmail } from '../util/tokens.ts';
import { accountFromItem } from './accounts.ts';
import { auditItem } from './audit.ts';
import { batchGet } from './batch-get.ts';
import { contactFromItem } from './contacts.ts';
import { failedConditions } from './dynamo-errors.ts';
import { itemTypes } from './items.ts';
import { keys } from './keys.ts';
import { organizationExists, organizationFromItem } from './organizations.ts';
import { newSessionItem, type SessionRecord } from './sessions.ts';

interface InvitationPointer {
  accountId: string;
  contactId: string;
  organizationId: string;
  expiresAt: string;
}

/** The invitation behind a token, in two reads (pointer, then contact + organization + account). Consumes nothing. */
export async function loadInvitation(tokenHash: string) {
  const { Item } = await db.send(
    new GetCommand({ TableName: tableName, Key: keys.invitationToken(tokenHash), ConsistentRead: true }),
  );
  if (!Item) return undefined;
  const pointer = Item as InvitationPointer;
  const [contact, organization, account] = await batchGet([
    keys.contact(pointer.accountId, pointer.contactId),
    keys.organization(pointer.accountId, pointer.organizationId),
    keys.account(pointer.accountId),
  ]);
  return {
    pointer,
    contact: contact ? contactFromItem(contact) : undefined,
    organization: organization ? organizationFromItem(organization) : undefined,
    account: accountFromItem(pointer.accountId, account),
  };
}

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
          {
            ConditionCheck: {
              TableName: tableName,
              Key: keys.account(c.accountId),
              ConditionExpression: 'portalEnabled = :on',
              ExpressionAttributeValues: { ':on': true },
            },
          },
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
