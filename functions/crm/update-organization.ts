import * as routes from '#shared/api/routes/crm-organizations';
import { renameOrganization } from '#shared/domain/organizations';
import { crmHandler } from '#shared/http/crm-handler';

export const handler = crmHandler(routes.patchOrganization, async ({ recruiter, params, body }) => ({
  body: await renameOrganization(recruiter.accountId, params.orgId, body.name),
}));
