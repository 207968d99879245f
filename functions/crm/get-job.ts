import * as routes from '#shared/api/routes/crm-jobs';
import { readJob } from '#shared/domain/jobs';
import { crmHandler } from '#shared/http/crm-handler';

export const handler = crmHandler(routes.getJob, async ({ recruiter, params }) => ({
  body: await readJob(recruiter.accountId, params.jobId),
}));
