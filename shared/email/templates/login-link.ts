import { button, escapeHtml, layout } from '../html.ts';
import type { EmailMessage } from '../send-email.ts';

/** B6: sent right after sign-up — the login page, to keep and come back to later. */
export function welcomeLoginEmail(input: {
  to: string;
  firstName: string;
  agencyName: string;
  loginUrl: string;
}): EmailMessage {
  const subject = `Your ${input.agencyName} Client Portal login link`;
  const html = layout(
    subject,
    `<p>Hi ${escapeHtml(input.firstName)},</p>
<p>Welcome to the <strong>${escapeHtml(input.agencyName)}</strong> Client Portal. Keep this e-mail: whenever you
want to come back, open the login page, enter your e-mail address and we will send you a one-time login link and code.</p>
${button('Log in to Client Portal', input.loginUrl)}`,
  );
  const text = `Hi ${input.firstName},

Welcome to the ${input.agencyName} Client Portal. Keep this e-mail: whenever you want to come back, open the login page, enter your e-mail address and we will send you a one-time login link and code.

Log in to Client Portal: ${input.loginUrl}
`;
  return { to: input.to, subject, html, text, fromName: input.agencyName };
}

export interface MagicLink {
  agencyName: string;
  organizationName: string;
  url: string;
  /** B24: the 6-digit login code of this agency, the second key to the same login as `url`. */
  code: string;
}

const codeBox = (code: string) =>
  `<p style="margin:8px 0 4px;font-size:14px;color:#52606d">Login code</p><p style="margin:0 0 12px;font-family:Menlo,Consolas,monospace;font-size:28px;font-weight:bold;letter-spacing:6px">${escapeHtml(code)}</p>`;

/**
 * B7, B24: one e-mail, one link and one login code per agency the address is a client of; either
 * works once, within 15 minutes, and using one uses up the other. The subject names the code as a
 * login code, so a phone's notification is enough to log in on a laptop.
 */
export function magicLinkEmail(input: { to: string; links: MagicLink[] }): EmailMessage {
  const single = input.links.length === 1 ? input.links[0] : undefined;
  const subject = single
    ? `Your login code for ${single.agencyName}: ${single.code}`
    : 'Your Client Portal login codes and links';
  const howTo =
    'Type the login code on the login page, or open the link. Each works once, within 15 minutes; ' +
    'a newer login e-mail replaces this one.';
  const blocks = input.links
    .map(
      (l) =>
        `<p style="margin:24px 0 4px"><strong>${escapeHtml(l.agencyName)}</strong> — ${escapeHtml(l.organizationName)}</p>${codeBox(
          l.code,
        )}${button(`Log in to ${l.agencyName}`, l.url)}`,
    )
    .join('\n');
  const html = layout(
    subject,
    `<p>Hello,</p><p>Here is how to log in to your Client Portal. ${howTo}</p>
${blocks}
<p style="color:#52606d;font-size:14px">If you did not ask to log in, you can ignore this e-mail. Never tell anyone these codes.</p>`,
  );
  const text = `Hello,

Here is how to log in to your Client Portal. ${howTo}

${input.links.map((l) => `${l.agencyName} (${l.organizationName})\nLogin code: ${l.code}\nLink: ${l.url}`).join('\n\n')}

If you did not ask to log in, you can ignore this e-mail. Never tell anyone these codes.
`;
  // From the agency when there is one; an e-mail with several agencies' links comes from the portal.
  return { to: input.to, subject, html, text, fromName: single?.agencyName ?? 'Client Portal' };
}
