import * as routes from '#shared/api/routes/crm-contacts';
import { listContactsWithoutOrganization } from '#shared/domain/contacts';
import { crmHandler } from '#shared/http/crm-handler';
import { pageRequest } from '#shared/http/paging';

const route = routes.listContacts;

export const handler = crmHandler(route, async ({ recruiter, query }) => {
  const page = pageRequest(route, recruiter.accountId, query);
  // A cursor is a position in one list: bind it to the filter too (pageRequest binds path
  // parameters only, and the filter is a query one), so it works for that list alone.
  const scope = { ...page.scope, route: `${page.scope.route}?organization=${query.organization}` };
  return { body: await listContactsWithoutOrganization(recruiter.accountId, { ...page, scope }) };
});
