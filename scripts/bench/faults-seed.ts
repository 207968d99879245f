import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../../shared/clients/dynamodb.ts';
import { contactItem, type ContactRecord } from '../../shared/data/contacts.ts';
import { itemTypes, type Item } from '../../shared/data/items.ts';
import { keys } from '../../shared/data/keys.ts';
import { newSessionItem } from '../../shared/data/sessions.ts';
import { issueSession } from '../../shared/domain/sessions-issue.ts';
import { newId } from '../../shared/util/ids.ts';
import { hashEmail } from '../../shared/util/tokens.ts';

/** An active portal user as a sign-up leaves it: the contact, one session, its login-email entry. */
export interface SeededUser {
  accountId: string;
  organizationId: string;
  contactId: string;
  portalUserId: string;
  email: string;
  sessionHash: string;
  /** For a `portal_session` cookie. */
  sessionToken: string;
}

async function writeAll(items: Item[]) {
  for (let i = 0; i < items.length; i += 25) {
    let requests = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
    while (requests.length) {
      const result = await db.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests } }));
      requests = (result.UnprocessedItems?.[tableName] ?? []) as typeof requests;
    }
  }
}

/**
 * Writes `count` active portal users into one organization straight into the table (signing up
 * 500 people through the API would dominate the run; the faults concern what follows).
 */
export async function seedPortalUsers(
  accountId: string,
  organizationId: string,
  count: number,
  label: string,
): Promise<SeededUser[]> {
  const now = new Date();
  const items: Item[] = [];
  const users: SeededUser[] = [];
  for (let i = 0; i < count; i++) {
    const contactId = newId();
    const portalUserId = newId();
    const email = `${label}-${i}-${contactId.slice(-6).toLowerCase()}@faults.test`;
    const record: ContactRecord = {
      id: contactId,
      firstName: `${label}${i}`,
      lastName: 'Faults',
      email,
      phone: null,
      organizationId,
      accessVersion: 1,
      rev: 1,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      portalUser: {
        id: portalUserId,
        status: 'active',
        accessVersion: 1,
        email,
        firstName: `${label}${i}`,
        lastName: 'Faults',
        jobTitle: null,
        joinedAt: now.toISOString(),
      },
    };
    const session = issueSession(
      { accountId, organizationId, contactId, portalUserId, accessVersion: 1 },
      now,
    );
    items.push(contactItem(accountId, record), newSessionItem(session.hash, session.record), {
      ...keys.loginEmail(hashEmail(email), accountId, contactId),
      type: itemTypes.loginEmail,
      accountId,
      contactId,
      portalUserId,
    });
    users.push({
      accountId,
      organizationId,
      contactId,
      portalUserId,
      email,
      sessionHash: session.hash,
      sessionToken: session.token,
    });
  }
  await writeAll(items);
  return users;
}
