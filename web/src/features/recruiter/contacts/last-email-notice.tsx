import { formatDateTime } from '../../../lib/format.ts';
import type { Contact } from '../queries.ts';
import { emailAdvice, emailHeadline, emailTones, timeAgo } from './email-words.ts';

/**
 * "The client did not receive the e-mail": how SES says the last invitation or login e-mail went,
 * when, and what the recruiter can do about it.
 */
export function LastEmailNotice({ contact }: { contact: Contact }) {
  const email = contact.lastEmail;
  if (!email) return null;
  const otherAddress = email.to && contact.email && email.to.toLowerCase() !== contact.email.toLowerCase();
  return (
    <section className={`notice notice-${emailTones[email.status]}`} aria-labelledby="last-email-title">
      <p className="notice-title" id="last-email-title">
        {emailHeadline(email)}
      </p>
      <p>
        Amazon SES reported it{' '}
        <time dateTime={email.at} title={formatDateTime(email.at)}>
          {timeAgo(email.at)}
        </time>
        {otherAddress
          ? `. It went to ${email.to}, the address before the last change.`
          : `, for ${email.to}.`}
      </p>
      <p>{emailAdvice(email, contact)}</p>
    </section>
  );
}
