import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../../shared/clients/dynamodb.ts';
import { keys } from '../../shared/data/keys.ts';
import { hashEmail } from '../../shared/util/tokens.ts';
import type { Deactivation } from './faults-plan.ts';
import type { SeededUser } from './faults-seed.ts';
import { call } from './http.ts';

/** What the end state says; every list names the contacts concerned, with what is wrong. */
export interface Findings {
  done: number;
  lost: string[];
  duplicatedAudit: number;
  emailsExpected: number;
  emailsSent: number;
  emailsTwice: number;
  emailsLost: number;
  suspendedExpected: number;
  suspendedRefused: number;
  /** Portal users that should have kept their access (or their trail) but did not. */
  touchedByMistake: string[];
}

type Row = Record<string, unknown>;

const partition = async (u: SeededUser): Promise<Row[]> =>
  ((
    await db.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.contactPartition(u.accountId, u.contactId) },
        ConsistentRead: true,
      }),
    )
  ).Items ?? []) as Row[];

const item = async (key: { PK: string; SK: string }) =>
  (await db.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }))).Item as
    | Row
    | undefined;

const deactivatedEntries = (rows: Row[]) =>
  rows.filter((r) => String(r.SK).startsWith(keys.auditPrefix) && r.entryType === 'deactivated');

/**
 * Done means all of B19's durable half: one `deactivated` audit entry with the expected cause, the
 * session ended, the login-email entry gone, and the contact either gone (tombstone kept) or
 * holding a deactivated portal user.
 */
export async function checkDeactivation(d: Deactivation, f: Findings): Promise<void> {
  const { user } = d;
  const [rows, session, loginEmail] = await Promise.all([
    partition(user),
    item(keys.session(user.sessionHash)),
    item(keys.loginEmail(hashEmail(user.email), user.accountId, user.contactId)),
  ]);
  const entries = deactivatedEntries(rows);
  const contact = rows.find((r) => r.SK === '#CONTACT');
  const tombstone = rows.find((r) => r.SK === '#TOMBSTONE');
  const portalUser = contact?.portalUser as { status?: string; deactivatedCause?: string } | undefined;
  const wrong: string[] = [];
  if (entries.length === 0) wrong.push('no deactivated audit entry');
  if (entries.some((e) => e.cause !== d.cause))
    wrong.push(`audit cause ${entries.map((e) => String(e.cause)).join('+')}, expected ${d.cause}`);
  if (!session?.endedAt) wrong.push('session not ended');
  if (loginEmail) wrong.push('login-email entry left');
  if (d.contactGone && (contact || !tombstone)) wrong.push('contact not deleted');
  if (!d.contactGone && portalUser?.status !== 'deactivated') wrong.push('portal user not deactivated');
  if (!d.contactGone && portalUser?.deactivatedCause !== d.cause)
    wrong.push(`portal user cause ${String(portalUser?.deactivatedCause)}`);
  f.duplicatedAudit += Math.max(0, entries.length - 1);
  if (wrong.length === 0) f.done += 1;
  else f.lost.push(`${d.action} ${user.contactId}: ${wrong.join(', ')}`);
}

export interface StoredMail {
  destination?: { to?: string[] };
  subject?: string;
}

/** Unique per portal user, so its notification e-mail can be counted. */
export const requisitionTitle = (u: SeededUser) => `Requisition of ${u.contactId}`;

/**
 * A portal user who stays: exactly one login e-mail for its one request and one notification
 * e-mail for its one requisition (B7, B23), and its access untouched.
 */
export async function checkSurvivor(u: SeededUser, mails: StoredMail[], f: Findings): Promise<void> {
  const to = (m: StoredMail, address: string) =>
    (m.destination?.to ?? []).some(
      (a) => a.toLowerCase() === address || a.toLowerCase().endsWith(`<${address}>`),
    );
  const logins = mails.filter((m) => to(m, u.email)).length;
  const notices = mails.filter((m) => (m.subject ?? '').endsWith(requisitionTitle(u))).length;
  for (const sent of [logins, notices]) {
    f.emailsSent += sent;
    f.emailsTwice += Math.max(0, sent - 1);
    if (sent === 0) f.emailsLost += 1;
  }
  const [rows, session] = await Promise.all([partition(u), item(keys.session(u.sessionHash))]);
  if (deactivatedEntries(rows).length > 0 || session?.endedAt)
    f.touchedByMistake.push(`survivor ${u.contactId} lost its access`);
}

/** The add-on switched off: the session is refused at once, but nothing is deactivated (B1). */
export async function checkSuspended(app: string, u: SeededUser, f: Findings): Promise<void> {
  const me = await call(app, 'GET', '/portal/me', { cookie: `portal_session=${u.sessionToken}` });
  if (me.status === 401) f.suspendedRefused += 1;
  const rows = await partition(u);
  const portalUser = rows.find((r) => r.SK === '#CONTACT')?.portalUser as { status?: string } | undefined;
  if (deactivatedEntries(rows).length > 0 || portalUser?.status !== 'active')
    f.touchedByMistake.push(`add-on-off user ${u.contactId} was deactivated`);
}
