import * as routes from '#shared/api/routes/crm-requisitions';
import { listRequisitions } from '#shared/domain/requisitions';
import { crmHandler } from '#shared/http/crm-handler';
import { pageRequest } from '#shared/http/paging';

const route = routes.listRequisitions;

export const handler = crmHandler(route, async ({ recruiter, query }) => {
  const page = pageRequest(route, recruiter.accountId, query);
  // A cursor is a position in one status's key range: bind it to the filter too, so it cannot be
  // replayed on another (pageRequest binds path parameters only, and the status is a query one).
  const scope = { ...page.scope, route: `${page.scope.route}?status=${query.status ?? 'all'}` };
  return { body: await listRequisitions(recruiter.accountId, query.status, { ...page, scope }) };
});
