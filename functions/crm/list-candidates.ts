import * as routes from '#shared/api/routes/crm-candidates';
import { listCandidates } from '#shared/domain/candidates';
import { crmHandler } from '#shared/http/crm-handler';
import { pageRequest } from '#shared/http/paging';

const route = routes.listCandidates;

export const handler = crmHandler(route, async ({ recruiter, query }) => ({
  body: await listCandidates(recruiter.accountId, pageRequest(route, recruiter.accountId, query)),
}));
