import type { Contact } from '../queries.ts';

export type LastEmail = NonNullable<Contact['lastEmail']>;
type Status = LastEmail['status'];

export const emailTypeWords: Record<LastEmail['type'], string> = {
  invitation: 'Invitation',
  login_link: 'Login e-mail',
};

const statusWords: Record<Status, string> = {
  sent: 'sent, not confirmed yet',
  delayed: 'delayed',
  delivered: 'delivered',
  bounced: 'bounced',
  rejected: 'not sent',
  complained: 'marked as spam',
};

export const emailTones: Record<Status, 'info' | 'warn' | 'error'> = {
  sent: 'info',
  delayed: 'warn',
  delivered: 'info',
  bounced: 'error',
  rejected: 'error',
  complained: 'error',
};

/** "Invitation bounced: the address does not exist". */
export function emailHeadline(email: { type: LastEmail['type']; status: Status; reason?: string }): string {
  const head = `${emailTypeWords[email.type]} ${statusWords[email.status]}`;
  return email.reason && email.status !== 'complained' ? `${head}: ${email.reason}` : head;
}

const suppressed = (code?: string) =>
  code === 'Permanent/Suppressed' || code === 'Permanent/OnAccountSuppressionList';

/** What a recruiter can do about it. */
export function emailAdvice(email: LastEmail, contact: Contact): string {
  const name = contact.firstName;
  const again = email.type === 'invitation' ? 'invite again' : 'ask them to request a new login e-mail';
  switch (email.status) {
    case 'sent':
      return 'Waiting for the recipient’s mail server to confirm it; this usually takes seconds.';
    case 'delivered':
      return `If ${name} cannot find it, ask them to look in the spam or junk folder.`;
    case 'delayed':
      return `${name}’s mail server did not take it yet; it is retried for some hours. Nothing to do for now.`;
    case 'complained':
      return `${name}’s mail program reported it as spam, so no more e-mail goes to this address. Talk to ${name} before anything else is sent.`;
    case 'rejected':
      return email.type === 'invitation'
        ? 'Re-send the invitation; if it is refused again, tell your administrator.'
        : 'Tell your administrator.';
    case 'bounced':
      if (suppressed(email.code))
        return `No more e-mail goes to this address. Ask ${name} for another address, correct it with Edit contact and ${again}.`;
      if (email.code?.startsWith('Transient'))
        return `Ask ${name} to make room in the mailbox or to allow mail from your agency, then ${again}.`;
      return `Check the address with ${name}, correct it with Edit contact, then ${again}.`;
  }
}

const relative = new Intl.RelativeTimeFormat('en-GB', { numeric: 'auto' });
const steps: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** "2 minutes ago", "yesterday"; under a minute, "just now". */
export function timeAgo(iso: string, now = Date.now()): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  for (const [unit, size] of steps)
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  return 'just now';
}
