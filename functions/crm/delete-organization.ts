import * as routes from '#shared/api/routes/crm-organizations';
import { deleteOrganization } from '#shared/domain/organizations';
import { crmHandler } from '#shared/http/crm-handler';

export const handler = crmHandler(routes.deleteOrganization, async ({ recruiter, params }) => {
  await deleteOrganization(recruiter.accountId, params.orgId);
  return {};
});
