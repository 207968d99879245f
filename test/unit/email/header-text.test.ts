import { describe, expect, it } from 'vitest';
import { bodyText, headerMaxLength, headerText } from '../../../shared/email/header-text.ts';
import { mailbox } from '../../../shared/email/mailbox.ts';
import { sendEmailInput } from '../../../shared/email/send-email.ts';
import { invitationEmail } from '../../../shared/email/templates/invitation.ts';
import { requisitionReviewedEmail } from '../../../shared/email/templates/notifications.ts';

/** What data stored before the input rules may hold. */
const oldPortalName = 'Acme\r\nBcc: victim@example.com\u0000\u0085\u2028\u202e';

describe('e-mail headers are safe even for text stored before the input rules', () => {
  it('a subject from stored text holds no CR, LF, NUL or other control: each becomes one space', () => {
    expect(headerText('New job requisition: Senior\r\nBcc: x@y.example\tEngineer\u0000')).toBe(
      'New job requisition: Senior Bcc: x@y.example Engineer',
    );
    expect(headerText(oldPortalName)).toBe('Acme Bcc: victim@example.com');
  });

  it('a header value replaces lone surrogates with U+FFFD and keeps emoji pairs and accents', () => {
    expect(headerText('Zoë \ud83d\ude42 \ud83d end \ude42')).toBe('Zoë 🙂 \ufffd end \ufffd');
  });

  it('a header value is capped without splitting a surrogate pair', () => {
    const long = headerText('🙂'.repeat(headerMaxLength + 10));
    expect(Array.from(long)).toHaveLength(headerMaxLength);
    expect(long).not.toMatch(/\p{Cs}/u);
  });

  it('an invitation from an agency whose stored portal name has CR/LF has a one-line subject and From', () => {
    const message = invitationEmail({
      to: 'ada@example.com',
      firstName: 'Ada\u0000',
      agencyName: oldPortalName,
      organizationName: 'Acme Robotics',
      link: 'https://portal.example/signup?token=t',
      expiresAt: '2026-12-09T00:00:00.000Z',
    });
    expect(headerText(message.subject)).toBe(
      'Acme Bcc: victim@example.com invited you to their Client Portal',
    );
    expect(mailbox(message.fromName, 'portal@mail.example')).toBe(
      '"Acme Bcc: victim@example.com" <portal@mail.example>',
    );
    expect(bodyText(message.text)).toContain('Hi Ada,');
  });

  it('what is sent to SES passes the guards: one-line subject and From, bodies without NUL', () => {
    const input = sendEmailInput(
      {
        to: 'ada@example.com',
        subject: `${oldPortalName} invited you`,
        html: '<p>Hi\u0000</p>',
        text: 'Hi\u0000',
        fromName: oldPortalName,
      },
      'portal@mail.example',
    );
    expect(input.FromEmailAddress).toBe('"Acme Bcc: victim@example.com" <portal@mail.example>');
    expect(input.Content?.Simple?.Subject?.Data).toBe('Acme Bcc: victim@example.com invited you');
    expect(input.Content?.Simple?.Body?.Html?.Data).toBe('<p>Hi</p>');
    expect(input.Content?.Simple?.Body?.Text?.Data).toBe('Hi');
  });

  it('a review e-mail with an old multi-line title gets a one-line subject', () => {
    const message = requisitionReviewedEmail(
      {
        status: 'rejected',
        title: 'Welder\r\nX-Injected: yes',
        reviewRemarks: 'Line one\nline two',
        submittedBy: { name: 'Ada', email: 'ada@example.com' },
      } as Parameters<typeof requisitionReviewedEmail>[0],
      'Acme',
      'https://portal.example/app',
    );
    expect(headerText(message.subject)).toBe('Your requisition "Welder X-Injected: yes" was not approved');
  });

  it('bodies keep line breaks and tabs but drop other controls', () => {
    expect(bodyText('Hi\r\n\tAda\u0000\u0007\u009b,\nbye\ud800')).toBe('Hi\r\n\tAda,\nbye\ufffd');
  });
});
