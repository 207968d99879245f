import * as routes from '#shared/api/routes/portal-requisitions';
import { listRequisitionsFor } from '#shared/domain/requisitions';
import { pageRequest } from '#shared/http/paging';
import { portalHandler } from '#shared/http/portal-handler';

const route = routes.listPortalRequisitions;

// The list is the organization's, so a cursor into it is bound to the organization as well.
export const handler = portalHandler(route, async ({ caller, query }) => ({
  body: await listRequisitionsFor(
    caller,
    pageRequest(route, `${caller.accountId}/${caller.organizationId}`, query),
  ),
}));
