import { routes } from '#shared/api/routes';
import { updateJob } from '#shared/domain/jobs';
import { crmHandler } from '#shared/http/crm-handler';

export const handler = crmHandler(routes.patchJob, async ({ recruiter, body, params }) => ({
  body: await updateJob(recruiter.accountId, params.jobId, body),
}));
