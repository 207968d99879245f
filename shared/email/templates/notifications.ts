import type { ClientActedOnCandidate, RequisitionChanged } from '../../events/catalog.ts';
import { button, escapeHtml, layout } from '../html.ts';
import type { EmailMessage } from '../send-email.ts';

const paragraphs = (lines: string[]) => lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n');
const message = (
  to: string,
  fromName: string,
  subject: string,
  lines: string[],
  link?: { label: string; url: string },
): EmailMessage => ({
  to,
  fromName,
  subject,
  html: layout(subject, paragraphs(lines) + (link ? button(link.label, link.url) : '')),
  text: `${lines.join('\n\n')}\n${link ? `\n${link.label}: ${link.url}\n` : ''}`,
});

/** B23: to the agency's notification address when a client submits a requisition. */
export const requisitionSubmittedEmail = (to: string, agencyName: string, r: RequisitionChanged) =>
  message(to, agencyName, `New job requisition: ${r.title}`, [
    `${r.submittedBy.name} (${r.submittedBy.email}) submitted a job requisition through the Client Portal: "${r.title}".`,
    'Review it in the CRM to approve it as a job or reject it with remarks.',
  ]);

/** B23: to the agency's notification address when a client moves or remarks on a candidate. */
export function clientActionEmail(to: string, agencyName: string, e: ClientActedOnCandidate): EmailMessage {
  const lines = e.entries.map((entry) => {
    const move = entry.stageTo
      ? `moved ${e.candidateName} from ${entry.stageFrom} to ${entry.stageTo}`
      : `remarked on ${e.candidateName}`;
    return `${entry.by.name} ${move}${entry.text ? `: "${entry.text}"` : '.'}`;
  });
  const moved = e.entries.some((entry) => entry.stageTo);
  return message(to, agencyName, `${moved ? 'Client moved' : 'Client remark on'} ${e.candidateName}`, lines);
}

/** B14: to the client who submitted the requisition, once it is approved or rejected. */
export function requisitionReviewedEmail(
  r: RequisitionChanged,
  agencyName: string,
  portalUrl: string,
): EmailMessage {
  if (r.status === 'approved')
    return message(
      r.submittedBy.email,
      agencyName,
      `Your requisition "${r.title}" was approved`,
      [
        `Hi ${r.submittedBy.name},`,
        `Good news: your job requisition "${r.title}" was approved and is now a job in your Client Portal.`,
      ],
      { label: 'Open Client Portal', url: portalUrl },
    );
  return message(
    r.submittedBy.email,
    agencyName,
    `Your requisition "${r.title}" was not approved`,
    [
      `Hi ${r.submittedBy.name},`,
      `Your job requisition "${r.title}" was not approved.`,
      `Remarks from your recruiter: ${r.reviewRemarks ?? '(none)'}`,
    ],
    { label: 'Open Client Portal', url: portalUrl },
  );
}
