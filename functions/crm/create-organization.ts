import * as routes from '#shared/api/routes/crm-organizations';
import { createOrganization } from '#shared/domain/organizations';
import { crmHandler } from '#shared/http/crm-handler';

export const handler = crmHandler(routes.createOrganization, async ({ recruiter, body }) => ({
  body: await createOrganization(recruiter.accountId, body.name),
}));
