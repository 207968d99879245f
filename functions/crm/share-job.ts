import * as routes from '#shared/api/routes/crm-jobs';
import { shareJob } from '#shared/domain/jobs';
import { crmHandler } from '#shared/http/crm-handler';

export const handler = crmHandler(routes.shareJob, async ({ recruiter, params }) => ({
  body: await shareJob(recruiter.accountId, params.jobId),
}));
