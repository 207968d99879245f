import type { MessageTag } from '@aws-sdk/client-sesv2';
import { sesEventSource, type SesDetailType, type SesEventDetail } from '../shared/events/ses-events.ts';
import { localAwsAccountId } from './api-event.ts';
import { localAwsIdentity } from './aws-identity.ts';
import type { AcceptedEntry } from './event-bus.ts';

/** The parts of an SES v2 SendEmail request that an event record repeats. */
export interface SentEmail {
  messageId: string;
  from: string;
  to: string[];
  subject: string;
  configurationSet?: string;
  tags: MessageTag[];
}

export const simulatorDomain = 'simulator.amazonses.com';

type Outcome =
  | { kind: 'delivered' }
  | { kind: 'bounced'; bounceType: string; bounceSubType: string; diagnosticCode: string }
  | { kind: 'complained' };

/**
 * SES's mailbox simulator, as far as delivery events go: `bounce@` hard-bounces (550 5.1.1 user
 * unknown), `complaint@` is delivered and then reported as spam, `suppressionlist@` bounces as an
 * address on SES's global suppression list; `success@`, any other simulator address and every
 * ordinary address are delivered (locally no e-mail leaves the machine). A `+label` is ignored, as
 * SES does, so tests can tell their messages apart: `bounce+t1@simulator.amazonses.com`.
 */
export function simulatedOutcome(address: string): Outcome {
  const [local = '', domain = ''] = address.trim().toLowerCase().split('@');
  if (domain !== simulatorDomain) return { kind: 'delivered' };
  switch (local.split('+')[0]) {
    case 'bounce':
      return {
        kind: 'bounced',
        bounceType: 'Permanent',
        bounceSubType: 'General',
        diagnosticCode: 'smtp; 550 5.1.1 user unknown',
      };
    case 'suppressionlist':
      return {
        kind: 'bounced',
        bounceType: 'Permanent',
        bounceSubType: 'Suppressed',
        diagnosticCode:
          'Amazon SES has suppressed sending to this address because it has a recent history of bouncing as an invalid address.',
      };
    case 'complaint':
      return { kind: 'complained' };
    default:
      return { kind: 'delivered' };
  }
}

const bareAddress = (mailbox: string) => /<([^<>]+)>\s*$/.exec(mailbox)?.[1] ?? mailbox.trim();
const later = (from: Date, ms: number) => new Date(from.getTime() + ms).toISOString();

/**
 * The events SES would put on the default bus for one sent e-mail (to its first recipient), in
 * the shape of SES's EventBridge events: `Email Sent`, then `Email Delivered`, `Email Bounced` or
 * `Email Delivered` + `Email Complaint Received`, each with the message's tags in `detail.mail.tags`.
 */
export function sesEventsFor(sent: SentEmail, now = new Date()): AcceptedEntry[] {
  const to = sent.to[0];
  if (!to) return [];
  const from = bareAddress(sent.from);
  const tags: Record<string, string[]> = {
    ...(sent.configurationSet ? { 'ses:configuration-set': [sent.configurationSet] } : {}),
    'ses:source-ip': ['127.0.0.1'],
    'ses:from-domain': [from.split('@')[1] ?? ''],
    'ses:caller-identity': ['local'],
  };
  for (const tag of sent.tags) if (tag.Name && tag.Value) tags[tag.Name] = [tag.Value];
  const mail: SesEventDetail['mail'] & Record<string, unknown> = {
    timestamp: now.toISOString(),
    source: from,
    sourceArn: `arn:aws:ses:${localAwsIdentity.region}:${localAwsAccountId}:identity/${from.split('@')[1] ?? ''}`,
    sendingAccountId: localAwsAccountId,
    messageId: sent.messageId,
    destination: sent.to,
    headersTruncated: false,
    commonHeaders: { from: [sent.from], to: sent.to, messageId: sent.messageId, subject: sent.subject },
    tags,
  };
  const entry = (
    detailType: SesDetailType,
    detail: Omit<SesEventDetail, 'mail'>,
    at: string,
  ): AcceptedEntry => ({
    source: sesEventSource,
    detailType,
    detail: { ...detail, mail },
    time: new Date(at),
    resources: [],
  });
  const delivered = (at: string) =>
    entry(
      'Email Delivered',
      {
        eventType: 'Delivery',
        delivery: { timestamp: at, recipients: [to], smtpResponse: '250 2.6.0 Message received' },
      },
      at,
    );
  const events = [entry('Email Sent', { eventType: 'Send', send: {} }, mail.timestamp)];
  const outcome = simulatedOutcome(to);
  if (outcome.kind === 'bounced') {
    const at = later(now, 400);
    events.push(
      entry(
        'Email Bounced',
        {
          eventType: 'Bounce',
          bounce: {
            timestamp: at,
            bounceType: outcome.bounceType,
            bounceSubType: outcome.bounceSubType,
            bouncedRecipients: [{ emailAddress: to, diagnosticCode: outcome.diagnosticCode }],
          },
        },
        at,
      ),
    );
  } else {
    events.push(delivered(later(now, 300)));
    if (outcome.kind === 'complained') {
      const at = later(now, 900);
      events.push(
        entry(
          'Email Complaint Received',
          { eventType: 'Complaint', complaint: { timestamp: at, complaintFeedbackType: 'abuse' } },
          at,
        ),
      );
    }
  }
  return events;
}
