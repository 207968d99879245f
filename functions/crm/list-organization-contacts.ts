import * as routes from '#shared/api/routes/crm-organizations';
import { listContactsOfOrganization } from '#shared/domain/contacts';
import { crmHandler } from '#shared/http/crm-handler';
import { pageRequest } from '#shared/http/paging';

const route = routes.listOrganizationContacts;

export const handler = crmHandler(route, async ({ recruiter, params, query }) => ({
  body: await listContactsOfOrganization(
    recruiter.accountId,
    params.orgId,
    pageRequest(route, recruiter.accountId, query, params),
  ),
}));
