import { stackInfo } from './stack-info.ts';

/** One stored e-mail, in aws-ses-v2-local's `/store` format (a missing HTML or text part reads as ''). */
export interface StoredMail {
  messageId: string;
  from: string;
  replyTo: string[];
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { html: string; text: string };
  /** Epoch seconds. */
  at: number;
}

type RawMail = Omit<StoredMail, 'body'> & { body?: { html?: string; text?: string } };

/** Every e-mail sent since the stack started, oldest first. */
export async function mails(): Promise<StoredMail[]> {
  const res = await fetch(`${stackInfo().mailUrl}/store`, { signal: AbortSignal.timeout(5_000) });
  if (!res.ok) throw new Error(`GET /store answered ${res.status}`);
  const { emails } = (await res.json()) as { emails: RawMail[] };
  return emails.map((mail) => ({
    ...mail,
    body: { html: mail.body?.html ?? '', text: mail.body?.text ?? '' },
  }));
}

const recipients = (mail: StoredMail) => [
  ...mail.destination.to,
  ...mail.destination.cc,
  ...mail.destination.bcc,
];

/** Mail to this address (To, Cc or Bcc). Tests use unique addresses, so they never see each other's mail. */
export async function mailsTo(address: string): Promise<StoredMail[]> {
  const wanted = address.toLowerCase();
  return (await mails()).filter((mail) => recipients(mail).some((to) => to.toLowerCase().includes(wanted)));
}

export interface WaitForMailOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** Wait until this many mails match; answers the last of them. Default 1. */
  count?: number;
}

/** Bounded poll of `/store` (sending may be asynchronous); on time-out it lists what did arrive. */
export async function waitForMail(
  predicate: (mail: StoredMail) => boolean,
  { timeoutMs = 5_000, intervalMs = 50, count = 1 }: WaitForMailOptions = {},
): Promise<StoredMail> {
  const deadline = Date.now() + timeoutMs;
  let seen: StoredMail[] = [];
  for (;;) {
    seen = await mails();
    const matching = seen.filter(predicate);
    const found = matching[count - 1];
    if (found) return found;
    if (Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  const listed = seen.map((m) => `${m.destination.to.join(',')}: ${m.subject}`).join('\n  ');
  throw new Error(
    `Fewer than ${count} matching mail(s) within ${timeoutMs} ms; the store holds:\n  ${listed || '(nothing)'}`,
  );
}

/** The first link in a mail (text or HTML) whose path starts with pathPrefix, e.g. `/signup`. */
export function linkIn(mail: StoredMail, pathPrefix: string): URL | undefined {
  for (const [candidate] of `${mail.body.text} ${mail.body.html}`.matchAll(/https?:\/\/[^\s"'<>)]+/g)) {
    const url = new URL(candidate.replaceAll('&amp;', '&'));
    if (url.pathname.startsWith(pathPrefix)) return url;
  }
  return undefined;
}
