import { ApiError } from '../../../lib/api/errors.ts';

/** Why a candidate could not be submitted to a job, in words. */
export function submissionRefusal(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong. Please try again.';
  switch (error.code) {
    case 'already_submitted':
      return 'This candidate is already in the pipeline of this job.';
    case 'candidate_not_found':
      return 'This candidate no longer exists: someone deleted them.';
    case 'not_found':
      return 'This job no longer exists: someone deleted it.';
    default:
      return error.message;
  }
}
