import * as routes from '#shared/api/routes/crm-jobs';
import { listSubmissions } from '#shared/domain/submissions';
import { crmHandler } from '#shared/http/crm-handler';
import { pageRequest } from '#shared/http/paging';

const route = routes.listSubmissions;

export const handler = crmHandler(route, async ({ recruiter, params, query }) => ({
  body: await listSubmissions(
    recruiter.accountId,
    params.jobId,
    pageRequest(route, recruiter.accountId, query, params),
  ),
}));
