import * as routes from '#shared/api/routes/portal-jobs';
import { listJobsFor } from '#shared/domain/portal-jobs';
import { pageRequest } from '#shared/http/paging';
import { portalHandler } from '#shared/http/portal-handler';

const route = routes.listPortalJobs;

export const handler = portalHandler(route, async ({ caller, query }) => ({
  body: await listJobsFor(caller, pageRequest(route, caller.portalUserId, query)),
}));
