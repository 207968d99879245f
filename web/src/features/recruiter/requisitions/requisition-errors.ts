import { ApiError } from '../../../lib/api/errors.ts';

/** Why an approval or rejection was refused, in words. */
export function reviewRefusal(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong. Please try again.';
  switch (error.code) {
    case 'not_pending':
      return 'This requisition is no longer pending: the client withdrew it or someone reviewed it meanwhile. The list now shows its current state.';
    case 'portal_disabled':
      return 'Switch the Client Portal add-on on in Settings: approving shares the new job to the portal.';
    case 'organization_not_found':
      return "The client's organization no longer exists, so no job can be created for it.";
    case 'not_found':
      return 'This requisition no longer exists.';
    default:
      return error.message;
  }
}
