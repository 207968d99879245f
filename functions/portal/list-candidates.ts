import * as routes from '#shared/api/routes/portal-jobs';
import { pipelineFor } from '#shared/domain/portal-jobs';
import { pageRequest } from '#shared/http/paging';
import { portalHandler } from '#shared/http/portal-handler';

const route = routes.listPortalCandidates;

export const handler = portalHandler(route, async ({ caller, params, query }) => ({
  body: await pipelineFor(caller, params.jobId, pageRequest(route, caller.portalUserId, query, params)),
}));
