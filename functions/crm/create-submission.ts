import * as routes from '#shared/api/routes/crm-jobs';
import { submitCandidate } from '#shared/domain/submissions';
import { crmHandler } from '#shared/http/crm-handler';

export const handler = crmHandler(routes.createSubmission, async ({ recruiter, params, body }) => ({
  body: await submitCandidate(recruiter.accountId, params.jobId, body.candidateId),
}));
