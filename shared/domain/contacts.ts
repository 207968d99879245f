import type { ContactCreate, ContactPatch } from '../api/schemas/crm.ts';
import { getAccountSettings } from '../data/accounts.ts';
import * as store from '../data/contacts.ts';
import { getContactWithLastEmail } from '../data/email-status.ts';
import { getOrganization } from '../data/organizations.ts';
import type { ContactRecord } from '../data/contacts.ts';
import type { PageRequest } from '../data/paging.ts';
import { newId } from '../util/ids.ts';
import { nowIso } from '../util/time.ts';
import type { AccountSettings } from './account.ts';
import { type LastEmail, lastEmailView } from './email-delivery.ts';
import { notFound, refused } from './errors.ts';
import { StaleRead, withFreshRead } from './optimistic.ts';
import { accessChangeCause, dependsOnOrganization, hasActiveAccess, portalView } from './portal-access.ts';

/** The contact as the recruiter API shows it (SPEC §3 shape). */
export function contactView(
  c: ContactRecord,
  account: AccountSettings,
  now = new Date(),
  organizationGone = false,
) {
  return {
    id: c.id,
    firstName: c.firstName,
    lastName: c.lastName,
    email: c.email,
    phone: c.phone,
    organizationId: c.organizationId,
    portal: portalView(c, account, now, organizationGone),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}
export type ContactView = ReturnType<typeof contactView>;

const organizationMissing = () =>
  refused('organization_not_found', 'The organization does not exist (or is being deleted).');

const clean = (value: string | null | undefined) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

export async function createContact(accountId: string, input: ContactCreate): Promise<ContactView> {
  const now = nowIso();
  const contact: ContactRecord = {
    id: newId(),
    firstName: input.firstName,
    lastName: input.lastName,
    email: clean(input.email),
    phone: clean(input.phone),
    organizationId: input.organizationId ?? null,
    accessVersion: 1,
    rev: 1,
    createdAt: now,
    updatedAt: now,
  };
  const [outcome, account] = await Promise.all([
    store.writeContact(accountId, contact, null, contact.organizationId),
    // The answer shows eligibility (B2), which depends on the account's add-on switch.
    getAccountSettings(accountId),
  ]);
  if (outcome === 'organization_missing') throw organizationMissing();
  return contactView(contact, account);
}

/** The contact with `lastEmail`: how SES says its last invitation or login e-mail went. */
export async function readContact(
  accountId: string,
  contactId: string,
): Promise<ContactView & { lastEmail?: LastEmail }> {
  const { contact, account, lastEmail } = await getContactWithLastEmail(accountId, contactId);
  if (!contact) throw notFound('The contact');
  // Only a contact with portal access or a pending invitation needs its organization confirmed (B19).
  const organizationGone =
    dependsOnOrganization(contact) && !(await getOrganization(accountId, contact.organizationId as string));
  return {
    ...contactView(contact, account, new Date(), organizationGone),
    ...(lastEmail ? { lastEmail: lastEmailView(lastEmail) } : {}),
  };
}

/**
 * B17: moving, unassigning or changing the email gives the contact a new access version. The
 * same write deactivates its portal user and drops its pending invitation, so the portal refuses
 * the old session on its very next request (B19) without waiting for any event.
 */
export function applyContactPatch(before: ContactRecord, patch: ContactPatch, now: string): ContactRecord {
  const after: ContactRecord = {
    ...before,
    ...(patch.firstName !== undefined ? { firstName: patch.firstName } : {}),
    ...(patch.lastName !== undefined ? { lastName: patch.lastName } : {}),
    ...(patch.email !== undefined ? { email: clean(patch.email) } : {}),
    ...(patch.phone !== undefined ? { phone: clean(patch.phone) } : {}),
    ...(patch.organizationId !== undefined ? { organizationId: patch.organizationId } : {}),
    rev: before.rev + 1,
    updatedAt: now,
  };
  const cause = accessChangeCause(before, after);
  if (!cause) return after;
  const { invitation: _cancelled, ...rest } = after;
  const portalUser =
    before.portalUser && hasActiveAccess(before)
      ? { ...before.portalUser, status: 'deactivated' as const, deactivatedAt: now, deactivatedCause: cause }
      : before.portalUser;
  return {
    ...rest,
    accessVersion: before.accessVersion + 1,
    accessEndedCause: cause,
    ...(portalUser ? { portalUser } : {}),
  };
}

export function updateContact(
  accountId: string,
  contactId: string,
  patch: ContactPatch,
): Promise<ContactView> {
  return withFreshRead(async () => {
    const { contact, account } = await store.getContactAndAccount(accountId, contactId);
    if (!contact) throw notFound('The contact');
    const next = applyContactPatch(contact, patch, nowIso());
    const entering = next.organizationId !== contact.organizationId ? next.organizationId : null;
    const outcome = await store.writeContact(accountId, next, contact.rev, entering);
    if (outcome === 'organization_missing') throw organizationMissing();
    if (outcome === 'conflict') throw new StaleRead();
    return contactView(next, account);
  });
}

/** B16: the contact item is gone at once, so the portal refuses its session on the next request. */
export async function deleteContact(accountId: string, contactId: string, by: string): Promise<void> {
  if (!(await store.deleteContact(accountId, contactId, by))) throw notFound('The contact');
}

export async function listContactsOfOrganization(accountId: string, orgId: string, page: PageRequest) {
  const result = await store.listContactsOfOrganization(accountId, orgId, page);
  if (!result.organizationFound && result.contacts.length === 0) throw notFound('The organization');
  const gone = !result.organizationFound;
  return {
    items: result.contacts.map((c) => contactView(c, result.account, new Date(), gone)),
    nextCursor: result.nextCursor,
  };
}

/** The contacts that belong to no organization, so a recruiter can find them and assign one (B9). */
export async function listContactsWithoutOrganization(accountId: string, page: PageRequest) {
  const result = await store.listContactsWithoutOrganization(accountId, page);
  return {
    items: result.contacts.map((c) => contactView(c, result.account)),
    nextCursor: result.nextCursor,
  };
}
