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
want to come back, open the login page, enter your e-mail address and we will send you a one-time login link.</p>
${button('Log in to Client Portal', input.loginUrl)}`,
  );
  const text = `Hi ${input.firstName},

Welcome to the ${input.agencyName} Client Portal. Keep this e-mail: whenever you want to come back, open the login page, enter your e-mail address and we will send you a one-time login link.

Log in to Client Portal: ${input.loginUrl}
`;
  return { to: input.to, subject, html, text, fromName: input.agencyName };
}

export interface MagicLink {
  agencyName: string;
  organizationName: string;
  url: string;
}

/** B7: one e-mail, one link per agency the address is a client of; each works once, for 15 minutes. */
export function magicLinkEmail(input: { to: string; links: MagicLink[] }): EmailMessage {
  const single = input.links.length === 1 ? input.links[0] : undefined;
  const subject = single ? `Your login link for ${single.agencyName}` : 'Your Client Portal login links';
  const blocks = input.links
    .map(
      (l) =>
        `<p style="margin:24px 0 4px"><strong>${escapeHtml(l.agencyName)}</strong> — ${escapeHtml(l.organizationName)}</p>${button(
          `Log in to ${l.agencyName}`,
          l.url,
        )}`,
    )
    .join('\n');
  const html = layout(
    subject,
    `<p>Hello,</p><p>Here is how to log in to your Client Portal. Each link works once, within 15 minutes.</p>
${blocks}
<p style="color:#52606d;font-size:14px">If you did not ask to log in, you can ignore this e-mail.</p>`,
  );
  const text = `Hello,

Here is how to log in to your Client Portal. Each link works once, within 15 minutes.

${input.links.map((l) => `${l.agencyName} (${l.organizationName}): ${l.url}`).join('\n')}

If you did not ask to log in, you can ignore this e-mail.
`;
  // From the agency when there is one; an e-mail with several agencies' links comes from the portal.
  return { to: input.to, subject, html, text, fromName: single?.agencyName ?? 'Client Portal' };
}
