import * as routes from '#shared/api/routes/crm-jobs';
import { updateSubmission } from '#shared/domain/submissions';
import { crmHandler } from '#shared/http/crm-handler';

export const handler = crmHandler(routes.patchSubmission, async ({ recruiter, params, body }) => ({
  body: await updateSubmission(recruiter, params.jobId, params.submissionId, body),
}));
