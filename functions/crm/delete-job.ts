import * as routes from '#shared/api/routes/crm-jobs';
import { deleteJob } from '#shared/domain/jobs';
import { crmHandler } from '#shared/http/crm-handler';

export const handler = crmHandler(routes.deleteJob, async ({ recruiter, params }) => {
  await deleteJob(recruiter.accountId, params.jobId);
  return {};
});
