import type { EmailStatus, SesEventDetail } from '../events/ses-events.ts';
import { eventTimeOf } from '../events/ses-events.ts';
import type { TrackedEmailType } from '../email/tags.ts';

/** The contact's last tracked e-mail as the recruiter API shows it (`lastEmail`). */
export interface LastEmail {
  type: TrackedEmailType;
  status: EmailStatus;
  /** When that status came about (SES's time of the event). */
  at: string;
  /** Why it was not delivered (or not yet), in words a recruiter understands. */
  reason?: string;
  /** SES's own classification, e.g. `Permanent/General`: for the runbook and support. */
  code?: string;
  /** The address it went to: after the contact's address changed, not the current one. */
  to: string;
}

/** Within one message, later states win when two events carry the same time. */
const rank: Record<EmailStatus, number> = {
  sent: 0,
  delayed: 1,
  delivered: 2,
  bounced: 3,
  rejected: 3,
  complained: 4,
};

export interface EmailDelivery extends LastEmail {
  messageId: string;
  /**
   * Orders the events of a contact's e-mails: a newer message first, then the later event of the same
   * message. An event whose key is not above the recorded one is old news (or a redelivery).
   */
  orderKey: string;
}

/** Permanent bounces: SES will not try again; the address must change. */
const permanentReasons: Record<string, string> = {
  General: 'the address does not exist',
  NoEmail: 'the address does not exist',
  Suppressed: 'mail to this address bounced before, so SES no longer sends to it',
  OnAccountSuppressionList:
    'this address bounced or complained before, so it is on the agency’s suppression list',
};
const transientReasons: Record<string, string> = {
  General: 'the recipient’s mail server refused it for now',
  MailboxFull: 'the mailbox is full',
  MessageTooLarge: 'the message was too large for the recipient’s mail server',
  ContentRejected: 'the recipient’s mail server refused its content',
  AttachmentRejected: 'the recipient’s mail server refused its content',
};

export function bounceReason(bounceType: string, subType: string): string {
  if (bounceType === 'Permanent') return permanentReasons[subType] ?? 'the address refuses mail';
  if (bounceType === 'Transient')
    return transientReasons[subType] ?? 'the recipient’s mail server refused it for now';
  return 'the recipient’s mail server did not say why';
}

const delayReasons: Record<string, string> = {
  MailboxFull: 'the mailbox is full',
  SpamDetected: 'the recipient’s mail server suspects spam',
  RecipientServerError: 'the recipient’s mail server has a problem',
};

function reasonOf(status: EmailStatus, detail: SesEventDetail): { reason?: string; code?: string } {
  switch (status) {
    case 'bounced': {
      const { bounceType = 'Undetermined', bounceSubType = 'Undetermined' } = detail.bounce ?? {};
      return { reason: bounceReason(bounceType, bounceSubType), code: `${bounceType}/${bounceSubType}` };
    }
    case 'complained':
      return {
        reason: 'the recipient marked it as spam',
        ...(detail.complaint?.complaintFeedbackType ? { code: detail.complaint.complaintFeedbackType } : {}),
      };
    case 'rejected':
      return {
        reason: 'SES refused to send it because it looked unsafe',
        ...(detail.reject?.reason ? { code: detail.reject.reason } : {}),
      };
    case 'delayed': {
      const delayType = detail.deliveryDelay?.delayType;
      return {
        reason: `${(delayType && delayReasons[delayType]) || 'the recipient’s mail server is not reachable yet'}; SES keeps trying`,
        ...(delayType ? { code: delayType } : {}),
      };
    }
    default:
      return {};
  }
}

/** One SES event as the status it gives the contact's last e-mail. */
export function deliveryOf(
  type: TrackedEmailType,
  status: EmailStatus,
  detail: SesEventDetail,
): EmailDelivery {
  const at = eventTimeOf(detail);
  return {
    type,
    status,
    at,
    ...reasonOf(status, detail),
    to: detail.bounce?.bouncedRecipients?.[0]?.emailAddress ?? detail.mail.destination[0] ?? '',
    messageId: detail.mail.messageId,
    orderKey: `${detail.mail.timestamp}|${at}|${rank[status]}`,
  };
}

/** What `GET /crm/contacts/{id}` shows: the stored record without its bookkeeping. */
export const lastEmailView = ({ type, status, at, reason, code, to }: LastEmail): LastEmail => ({
  type,
  status,
  at,
  ...(reason ? { reason } : {}),
  ...(code ? { code } : {}),
  to,
});
