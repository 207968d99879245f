import * as routes from '#shared/api/routes/crm-jobs';
import { listJobs } from '#shared/domain/jobs';
import { crmHandler } from '#shared/http/crm-handler';
import { pageRequest } from '#shared/http/paging';

const route = routes.listJobs;

export const handler = crmHandler(route, async ({ recruiter, query }) => ({
  body: await listJobs(recruiter.accountId, pageRequest(route, recruiter.accountId, query)),
}));
