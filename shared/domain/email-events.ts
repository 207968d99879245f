import { contactsOfLoginRequest, recordEmailDelivery, type RecordOutcome } from '../data/email-status.ts';
import { subjectOfTags } from '../email/tags.ts';
import {
  type EmailStatus,
  sesDetailTypes,
  type SesDetailType,
  type SesEventDetail,
} from '../events/ses-events.ts';
import { hashToken } from '../util/tokens.ts';
import type { AuditEntry } from './audit.ts';
import { deliveryOf } from './email-delivery.ts';

/**
 * The history keeps the e-mails that did not arrive or were reported as spam: what a recruiter
 * must act on. `sent`, `delayed` and `delivered` are the contact's `lastEmail` only (the invitation
 * has its own `invited` entry, and a history of every delivered login e-mail would bury the rest).
 */
const auditedStatuses = new Set<EmailStatus>(['bounced', 'complained', 'rejected']);

export type EmailEventOutcome =
  | { recorded: 0; skipped: 'not_tracked' | 'unknown_event' | 'no_contact' }
  | { recorded: number; outcomes: RecordOutcome[] };

/**
 * "The client did not receive the e-mail", answered: an SES event of an invitation or login
 * e-mail becomes the last-e-mail status of the contact (or, for a login e-mail sent for several
 * agencies, of each of its contacts) and an entry of its audit trail. E-mails without the tags
 * (notifications) and events of other kinds are ignored.
 */
export async function recordEmailEvent(
  detailType: string,
  detail: SesEventDetail,
): Promise<EmailEventOutcome> {
  const status = sesDetailTypes[detailType as SesDetailType];
  if (!status || !detail?.mail?.messageId) return { recorded: 0, skipped: 'unknown_event' };
  const subject = subjectOfTags(detail.mail.tags);
  if (!subject) return { recorded: 0, skipped: 'not_tracked' };
  const contacts =
    subject.accountId && subject.contactId
      ? [{ accountId: subject.accountId, contactId: subject.contactId }]
      : subject.loginRequest
        ? await contactsOfLoginRequest(subject.loginRequest)
        : [];
  if (contacts.length === 0) return { recorded: 0, skipped: 'no_contact' };

  const delivery = deliveryOf(subject.type, status, detail);
  const audit: AuditEntry | undefined = !auditedStatuses.has(status)
    ? undefined
    : {
        // The same event always makes the same entry: a redelivery overwrites it with itself.
        id: hashToken(`${delivery.messageId}#${detailType}#${delivery.at}`).slice(0, 26),
        type: 'email',
        at: delivery.at,
        actor: { type: 'system' },
        email: {
          type: delivery.type,
          status: delivery.status,
          ...(delivery.reason ? { reason: delivery.reason } : {}),
          to: delivery.to,
        },
      };
  const outcomes = await Promise.all(
    contacts.map(({ accountId, contactId }) => recordEmailDelivery(accountId, contactId, delivery, audit)),
  );
  return { recorded: outcomes.filter((o) => o === 'recorded').length, outcomes };
}
