import type { AuditEntry, Contact, ContactPortal } from '../queries.ts';
import { emailHeadline } from './email-words.ts';

type Status = ContactPortal['status'];
type Cause = NonNullable<ContactPortal['deactivatedCause']>;
type Reason = ContactPortal['reasons'][number];

export const statusLabels: Record<Status, string> = {
  none: 'Not invited',
  invited: 'Invited',
  expired: 'Invitation expired',
  active: 'Active',
  deactivated: 'Deactivated',
};

export const statusTones: Record<Status, 'neutral' | 'good' | 'warn' | 'bad' | 'info'> = {
  none: 'neutral',
  invited: 'info',
  expired: 'warn',
  active: 'good',
  deactivated: 'bad',
};

/** Why access ended, completing "Access ended: …". */
export const causeWords: Record<Cause, string> = {
  contact_deleted: 'the contact was deleted',
  organization_deleted: 'the contact’s organization was deleted',
  contact_unassigned: 'the contact was removed from its organization',
  contact_moved: 'the contact was moved to another organization',
  contact_email_changed: 'the contact’s e-mail address was changed',
  revoked_by_recruiter: 'a recruiter revoked the access',
};

export const accessEnded = (cause: Cause) => `Access ended: ${causeWords[cause]}`;

/** What stands in the way of an invitation, and what to do about it. */
export function reasonWords(reason: Reason, contact: Contact): { why: string; fix: string } {
  switch (reason) {
    case 'missing_email':
      return { why: 'There is no e-mail address to send the invitation to.', fix: 'Add an e-mail address' };
    case 'invalid_email':
      return {
        why: `The e-mail address “${contact.email ?? ''}” is not a valid address.`,
        fix: 'Correct the e-mail address',
      };
    case 'no_organization':
      return {
        why: 'The contact belongs to no organization, and the portal shows an organization’s jobs.',
        fix: 'Assign an organization',
      };
    case 'portal_disabled':
      return {
        why: 'The Client Portal add-on is off for your agency.',
        fix: 'Switch the Client Portal add-on on',
      };
    case 'already_active':
      return { why: `${contact.firstName} already uses the Client Portal.`, fix: 'Nothing to do' };
  }
}

const actor = (entry: AuditEntry) =>
  entry.actor.type === 'recruiter'
    ? `by ${entry.actor.email ?? 'a recruiter'}`
    : entry.actor.type === 'client'
      ? 'by the contact'
      : 'by the system';

/** One audit entry in words: what happened, and who or what did it. */
export function auditWords(entry: AuditEntry): { what: string; who: string } {
  const who = actor(entry);
  switch (entry.type) {
    case 'invited':
      return { what: 'Invited to the Client Portal', who };
    case 'reinvited':
      return { what: 'Invitation sent again (the earlier link stopped working)', who };
    case 'invitation_revoked':
      return {
        what: entry.cause ? `Invitation cancelled: ${causeWords[entry.cause]}` : 'Invitation revoked',
        who,
      };
    case 'joined':
      return { what: 'Joined the Client Portal', who };
    case 'logged_in':
      return { what: 'Logged in to the Client Portal', who };
    case 'deactivated':
      return { what: entry.cause ? accessEnded(entry.cause) : 'Access ended', who };
    case 'email':
      return {
        what: entry.email ? `${emailHeadline(entry.email)} (${entry.email.to})` : 'E-mail report',
        who: 'reported by Amazon SES',
      };
  }
}

/** True when a change of e-mail or organization would end this contact's access or invitation (B17). */
export const holdsAccess = (portal: ContactPortal) =>
  portal.status === 'active' || portal.status === 'invited';
