import { describe, expect, it } from 'vitest';
import { sesEventsFor, simulatedOutcome } from '../../../local/ses-events.ts';
import { bounceReason, deliveryOf } from '../../../shared/domain/email-delivery.ts';
import { emailTags, subjectOfTags } from '../../../shared/email/tags.ts';
import type { SesEventDetail } from '../../../shared/events/ses-events.ts';

const subject = {
  type: 'invitation',
  accountId: 'demo-agency',
  contactId: '01J0000000000000000000000A',
} as const;

describe('SES message tags carry what finds the contact', () => {
  it('an invitation is tagged with its type, account and contact, all valid SES tag values', () => {
    const tags = emailTags(subject);
    expect(tags).toEqual([
      { Name: 'email-type', Value: 'invitation' },
      { Name: 'account-id', Value: 'demo-agency' },
      { Name: 'contact-id', Value: '01J0000000000000000000000A' },
    ]);
    for (const { Name, Value } of tags) {
      expect(Name).toMatch(/^[A-Za-z0-9_-]{1,256}$/);
      expect(Value).toMatch(/^[A-Za-z0-9_-]{1,256}$/);
    }
  });

  it('a value SES would refuse is left out rather than failing the send', () => {
    expect(
      emailTags({ type: 'login_link', accountId: 'a.b', contactId: 'c d', loginRequest: 'ab12' }),
    ).toEqual([
      { Name: 'email-type', Value: 'login_link' },
      { Name: 'login-request', Value: 'ab12' },
    ]);
  });

  it("an event's tags (lists of values, SES's own among them) give the subject back; untracked mail gives none", () => {
    const tags = Object.fromEntries(emailTags(subject).map((t) => [t.Name, [t.Value]]));
    expect(subjectOfTags({ ...tags, 'ses:configuration-set': ['set'] })).toEqual(subject);
    expect(subjectOfTags({ 'ses:configuration-set': ['set'] })).toBeUndefined();
    expect(subjectOfTags({ 'email-type': ['newsletter'] })).toBeUndefined();
  });
});

describe('bounce types in words a recruiter understands', () => {
  it('a hard bounce says the address does not exist; suppression lists and full mailboxes say so', () => {
    expect(bounceReason('Permanent', 'General')).toBe('the address does not exist');
    expect(bounceReason('Permanent', 'Suppressed')).toMatch(/no longer sends to it/);
    expect(bounceReason('Permanent', 'OnAccountSuppressionList')).toMatch(/suppression list/);
    expect(bounceReason('Transient', 'MailboxFull')).toBe('the mailbox is full');
    expect(bounceReason('Undetermined', 'Undetermined')).toMatch(/did not say why/);
  });
});

describe('the local SES behaves like the mailbox simulator', () => {
  it('bounce@, suppressionlist@ and complaint@ (with or without a +label) as SES does; others are delivered', () => {
    expect(simulatedOutcome('bounce+x1@simulator.amazonses.com')).toMatchObject({
      kind: 'bounced',
      bounceType: 'Permanent',
      bounceSubType: 'General',
    });
    expect(simulatedOutcome('suppressionlist@simulator.amazonses.com')).toMatchObject({
      bounceSubType: 'Suppressed',
    });
    expect(simulatedOutcome('Complaint@Simulator.AmazonSES.com').kind).toBe('complained');
    expect(simulatedOutcome('success@simulator.amazonses.com').kind).toBe('delivered');
    expect(simulatedOutcome('bounce@example.com').kind).toBe('delivered');
  });

  it("publishes SES's EventBridge shape: Sent then the outcome, with the tags in detail.mail.tags", () => {
    const events = sesEventsFor(
      {
        messageId: 'm1',
        from: '"Acme" <portal@mail.example>',
        to: ['complaint@simulator.amazonses.com'],
        subject: 'Hi',
        configurationSet: 'set-1',
        tags: emailTags(subject),
      },
      new Date('2026-01-01T00:00:00.000Z'),
    );
    expect(events.map((e) => [e.source, e.detailType])).toEqual([
      ['aws.ses', 'Email Sent'],
      ['aws.ses', 'Email Delivered'],
      ['aws.ses', 'Email Complaint Received'],
    ]);
    const detail = events[2]!.detail as unknown as SesEventDetail;
    expect(detail.eventType).toBe('Complaint');
    expect(detail.mail.tags).toMatchObject({
      'ses:configuration-set': ['set-1'],
      'email-type': ['invitation'],
      'contact-id': [subject.contactId],
    });
    // Each event orders after the one before it, within the same message.
    const keys = events.map((e) => {
      const d = e.detail as unknown as SesEventDetail;
      const status = ({ 'Email Sent': 'sent', 'Email Delivered': 'delivered' } as const)[
        e.detailType as 'Email Sent'
      ];
      return deliveryOf('invitation', status ?? 'complained', d).orderKey;
    });
    expect([...keys].sort()).toEqual(keys);
  });
});
