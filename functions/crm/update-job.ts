import * as routes from '#shared/api/routes/crm-jobs';
import { updateJob } from '#shared/domain/jobs';
import { crmHandler } from '#shared/http/crm-handler';

export const handler = crmHandler(routes.patchJob, async ({ recruiter, body, params }) => ({
  body: await updateJob(recruiter.accountId, params.jobId, body),
}));
