import * as routes from '#shared/api/routes/portal-requisitions';
import { createRequisition } from '#shared/domain/requisitions';
import { portalHandler } from '#shared/http/portal-handler';

/** The organization and the submitter come from the session, never from the body (B13). */
export const handler = portalHandler(routes.createRequisition, async ({ caller, body }) => ({
  body: await createRequisition(caller, body),
}));
