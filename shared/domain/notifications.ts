import { getAccountSettings } from '../data/accounts.ts';
import { sendOnce } from '../data/notifications.ts';
import type { ClientActedOnCandidate, RequisitionChanged } from '../events/catalog.ts';
import { portalLinks } from '../email/links.ts';
import { sendEmail } from '../email/send-email.ts';
import {
  clientActionEmail,
  requisitionReviewedEmail,
  requisitionSubmittedEmail,
} from '../email/templates/notifications.ts';

/** B23: the account's notification address hears of a new requisition (once per requisition). */
export async function notifyRequisitionSubmitted(r: RequisitionChanged): Promise<boolean> {
  const account = await getAccountSettings(r.accountId);
  if (!account.notificationEmail) return false;
  const to = account.notificationEmail;
  return sendOnce(`${r.accountId}#req-submitted#${r.requisitionId}`, () =>
    sendEmail(requisitionSubmittedEmail(to, account.portalName, r)),
  );
}

/** B23: the account's notification address hears of a client's move or remark (once per change). */
export async function notifyClientAction(e: ClientActedOnCandidate): Promise<boolean> {
  const account = await getAccountSettings(e.accountId);
  if (!account.notificationEmail) return false;
  const to = account.notificationEmail;
  const last = e.entries.at(-1)?.at ?? '';
  return sendOnce(`${e.accountId}#client-action#${e.submissionId}#${last}`, () =>
    sendEmail(clientActionEmail(to, account.portalName, e)),
  );
}

/** B14: the submitting client hears whether the requisition was approved or rejected (once), from the agency. */
export const notifyRequisitionReviewed = (r: RequisitionChanged): Promise<boolean> =>
  sendOnce(`${r.accountId}#req-reviewed#${r.requisitionId}`, async () => {
    const account = await getAccountSettings(r.accountId);
    await sendEmail(requisitionReviewedEmail(r, account.portalName, portalLinks.app()));
  });
