import * as routes from '#shared/api/routes/portal-requisitions';
import { withdrawRequisitionFor } from '#shared/domain/requisitions';
import { portalHandler } from '#shared/http/portal-handler';

export const handler = portalHandler(routes.withdrawRequisition, async ({ caller, params }) => ({
  body: await withdrawRequisitionFor(caller, params.reqId),
}));
