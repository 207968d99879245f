import * as routes from '#shared/api/routes/crm-requisitions';
import { rejectRequisition } from '#shared/domain/requisitions';
import { crmHandler } from '#shared/http/crm-handler';

export const handler = crmHandler(routes.rejectRequisition, async ({ recruiter, params, body }) => ({
  body: await rejectRequisition(recruiter.accountId, recruiter.email, params.reqId, body.remarks),
}));
