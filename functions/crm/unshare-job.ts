import { routes } from '#shared/api/routes';
import { unshareJob } from '#shared/domain/jobs';
import { crmHandler } from '#shared/http/crm-handler';

export const handler = crmHandler(routes.unshareJob, async ({ recruiter, params }) => ({
  body: await unshareJob(recruiter.accountId, params.jobId),
}));
