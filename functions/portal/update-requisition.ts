import * as routes from '#shared/api/routes/portal-requisitions';
import { updateRequisitionFor } from '#shared/domain/requisitions';
import { portalHandler } from '#shared/http/portal-handler';

export const handler = portalHandler(routes.patchPortalRequisition, async ({ caller, params, body }) => ({
  body: await updateRequisitionFor(caller, params.reqId, body),
}));
