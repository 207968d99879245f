import * as routes from '#shared/api/routes/portal-jobs';
import { readJobFor } from '#shared/domain/portal-jobs';
import { portalHandler } from '#shared/http/portal-handler';

export const handler = portalHandler(routes.getPortalJob, async ({ caller, params }) => ({
  body: await readJobFor(caller, params.jobId),
}));
