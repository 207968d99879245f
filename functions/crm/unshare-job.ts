import * as routes from '#shared/api/routes/crm-jobs';
import { unshareJob } from '#shared/domain/jobs';
import { crmHandler } from '#shared/http/crm-handler';

export const handler = crmHandler(routes.unshareJob, async ({ recruiter, params }) => ({
  body: await unshareJob(recruiter.accountId, params.jobId),
}));
