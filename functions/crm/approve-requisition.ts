import * as routes from '#shared/api/routes/crm-requisitions';
import { approveRequisition } from '#shared/domain/requisitions';
import { crmHandler } from '#shared/http/crm-handler';

export const handler = crmHandler(routes.approveRequisition, async ({ recruiter, params }) => ({
  body: await approveRequisition(recruiter.accountId, recruiter.email, params.reqId),
}));
