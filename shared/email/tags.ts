import type { MessageTag } from '@aws-sdk/client-sesv2';

/** The e-mails whose delivery the contact shows (the notifications of B14 and B23 are not tracked). */
export const trackedEmailTypes = ['invitation', 'login_link'] as const;
export type TrackedEmailType = (typeof trackedEmailTypes)[number];

/** What a tracked e-mail carries so that its SES events find their way back to the contact. */
export interface EmailSubject {
  type: TrackedEmailType;
  /** The one contact the e-mail was for; a login e-mail for several agencies names none. */
  accountId?: string;
  contactId?: string;
  /** A login e-mail: the hash of its login request, whose item lists every agency's contact. */
  loginRequest?: string;
}

export const tagNames = {
  type: 'email-type',
  accountId: 'account-id',
  contactId: 'contact-id',
  loginRequest: 'login-request',
} as const;

/** SES accepts only ASCII letters, digits, `_` and `-`, at most 256 characters, in tag names and values. */
const validTagValue = /^[A-Za-z0-9_-]{1,256}$/;

/**
 * The SES message tags of a tracked e-mail. A value SES would refuse is left out rather than made
 * to fail the send: the e-mail matters more than its delivery report. (Account ids are
 * `[A-Za-z0-9_-]{1,64}`, contact ids ULIDs, login request hashes hex: all valid as they are.)
 */
export function emailTags(subject: EmailSubject): MessageTag[] {
  return (Object.keys(tagNames) as (keyof typeof tagNames)[]).flatMap((field) => {
    const value = subject[field];
    return value !== undefined && validTagValue.test(value) ? [{ Name: tagNames[field], Value: value }] : [];
  });
}

/**
 * The subject back from an SES event's `mail.tags` (each tag a list of values, SES's own
 * `ses:*` tags among them); undefined for an e-mail that is not tracked.
 */
export function subjectOfTags(tags: Record<string, unknown> | undefined): EmailSubject | undefined {
  const first = (name: string) => {
    const values = tags?.[name];
    const value: unknown = Array.isArray(values) ? values[0] : undefined;
    return typeof value === 'string' && validTagValue.test(value) ? value : undefined;
  };
  const type = first(tagNames.type);
  if (!trackedEmailTypes.includes(type as TrackedEmailType)) return undefined;
  const accountId = first(tagNames.accountId);
  const contactId = first(tagNames.contactId);
  const loginRequest = first(tagNames.loginRequest);
  return {
    type: type as TrackedEmailType,
    ...(accountId && contactId ? { accountId, contactId } : {}),
    ...(loginRequest ? { loginRequest } : {}),
  };
}
