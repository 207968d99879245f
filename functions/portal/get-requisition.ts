import * as routes from '#shared/api/routes/portal-requisitions';
import { readRequisitionFor } from '#shared/domain/requisitions';
import { portalHandler } from '#shared/http/portal-handler';

export const handler = portalHandler(routes.getPortalRequisition, async ({ caller, params }) => ({
  body: await readRequisitionFor(caller, params.reqId),
}));
