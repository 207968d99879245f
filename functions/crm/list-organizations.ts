import * as routes from '#shared/api/routes/crm-organizations';
import { listOrganizations } from '#shared/domain/organizations';
import { crmHandler } from '#shared/http/crm-handler';
import { pageRequest } from '#shared/http/paging';

const route = routes.listOrganizations;

export const handler = crmHandler(route, async ({ recruiter, query }) => ({
  body: await listOrganizations(recruiter.accountId, pageRequest(route, recruiter.accountId, query)),
}));
