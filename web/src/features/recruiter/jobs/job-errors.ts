import { ApiError } from '../../../lib/api/errors.ts';

/** Why sharing was refused (B10), one sentence per reason, saying how to fix it. */
export interface ShareRefusal {
  reasons: string[];
  /** The add-on is off: the fix is in Settings. */
  addOnOff: boolean;
}

const reasonWords: Record<string, string> = {
  no_primary_contact:
    'Choose a primary contact: edit the job and pick the contact at the organization who hires for it.',
  primary_contact_not_in_organization:
    "The primary contact must belong to the job's organization: edit the job and choose one of its contacts.",
};

export function shareRefusal(error: unknown): ShareRefusal {
  if (error instanceof ApiError && error.code === 'portal_disabled')
    return { reasons: ['Switch the Client Portal add-on on in Settings.'], addOnOff: true };
  if (error instanceof ApiError && error.code === 'not_shareable') {
    const details = error.details as { reasons?: unknown } | undefined;
    const codes = Array.isArray(details?.reasons) ? details.reasons.map(String) : [];
    const reasons = codes.map((code) => reasonWords[code] ?? error.message);
    return { reasons: reasons.length > 0 ? reasons : [error.message], addOnOff: false };
  }
  return { reasons: [problem(error)], addOnOff: false };
}

/** A refusal of a job write, in words (B10's contact rule, a deleted organization, a race). */
export function problem(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong. Please try again.';
  switch (error.code) {
    case 'invalid_primary_contact':
      return "The primary contact must belong to the job's organization. Choose one of its contacts.";
    case 'organization_not_found':
      return 'That organization no longer exists. Choose another one.';
    case 'not_found':
      return 'This job no longer exists: someone deleted it.';
    default:
      return error.message;
  }
}
