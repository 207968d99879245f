/**
 * The e-mail sending events SES puts on the account's default EventBridge bus through the
 * configuration set's event destination (source `aws.ses`). Their `detail` is SES's event record:
 * `eventType`, `mail` (with the message's tags, each a list of values) and one object named after
 * the event. Only the fields read here are typed; SES sends many more.
 */
export const sesEventSource = 'aws.ses';

/** Detail type → the status it means for the contact's last e-mail. */
export const sesDetailTypes = {
  'Email Sent': 'sent',
  'Email Delivered': 'delivered',
  'Email Bounced': 'bounced',
  'Email Complaint Received': 'complained',
  'Email Rejected': 'rejected',
  'Email Delivery Delayed': 'delayed',
} as const;
export type SesDetailType = keyof typeof sesDetailTypes;
export type EmailStatus = (typeof sesDetailTypes)[SesDetailType];
export const emailStatuses = ['sent', 'delayed', 'delivered', 'bounced', 'rejected', 'complained'] as const;

export interface SesMail {
  timestamp: string;
  messageId: string;
  destination: string[];
  tags?: Record<string, string[]>;
}

export interface SesEventDetail {
  eventType: string;
  mail: SesMail;
  send?: Record<string, never>;
  delivery?: { timestamp: string; recipients?: string[]; smtpResponse?: string };
  bounce?: {
    timestamp: string;
    bounceType: string;
    bounceSubType: string;
    bouncedRecipients?: { emailAddress: string; diagnosticCode?: string }[];
  };
  complaint?: { timestamp: string; complaintFeedbackType?: string };
  reject?: { reason?: string };
  deliveryDelay?: { timestamp: string; delayType?: string };
}

/** When the event itself happened (SES's own timestamps; a Send or Reject has the mail's). */
export function eventTimeOf(detail: SesEventDetail): string {
  return (
    detail.delivery?.timestamp ??
    detail.bounce?.timestamp ??
    detail.complaint?.timestamp ??
    detail.deliveryDelay?.timestamp ??
    detail.mail.timestamp
  );
}
