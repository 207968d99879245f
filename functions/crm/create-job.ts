import * as routes from '#shared/api/routes/crm-jobs';
import { createJob } from '#shared/domain/jobs';
import { crmHandler } from '#shared/http/crm-handler';

export const handler = crmHandler(routes.createJob, async ({ recruiter, body }) => ({
  body: await createJob(recruiter.accountId, body),
}));
