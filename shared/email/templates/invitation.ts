import { button, escapeHtml, layout } from '../html.ts';
import type { EmailMessage } from '../send-email.ts';

export interface InvitationEmailInput {
  to: string;
  firstName: string;
  agencyName: string;
  organizationName: string;
  link: string;
  expiresAt: string;
}

const formatDate = (iso: string) =>
  new Date(iso).toLocaleDateString('en-US', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });

/** B4: greets the contact by first name, names the agency and the organization, one Join button. */
export function invitationEmail(input: InvitationEmailInput): EmailMessage {
  const subject = `${input.agencyName} invited you to their Client Portal`;
  const until = formatDate(input.expiresAt);
  const html = layout(
    subject,
    `<p>Hi ${escapeHtml(input.firstName)},</p>
<p><strong>${escapeHtml(input.agencyName)}</strong> invited you to join their Client Portal for
<strong>${escapeHtml(input.organizationName)}</strong>. In the portal you can submit job requisitions,
follow the jobs shared with your team and review the candidates put forward.</p>
${button('Join Client Portal', input.link)}
<p style="color:#52606d;font-size:14px">This invitation is personal and works once, until ${escapeHtml(until)}.
If you did not expect it, you can ignore this e-mail.</p>`,
  );
  const text = `Hi ${input.firstName},

${input.agencyName} invited you to join their Client Portal for ${input.organizationName}.
In the portal you can submit job requisitions, follow the jobs shared with your team and review the candidates put forward.

Join Client Portal: ${input.link}

This invitation is personal and works once, until ${until}. If you did not expect it, you can ignore this e-mail.
`;
  return { to: input.to, subject, html, text, fromName: input.agencyName };
}
