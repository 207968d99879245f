import * as routes from '#shared/api/routes/crm-organizations';
import { readOrganization } from '#shared/domain/organizations';
import { crmHandler } from '#shared/http/crm-handler';

export const handler = crmHandler(routes.getOrganization, async ({ recruiter, params }) => ({
  body: await readOrganization(recruiter.accountId, params.orgId),
}));
