import * as routes from '#shared/api/routes/crm-contacts';
import { revokePortalAccess } from '#shared/domain/invitations';
import { crmHandler } from '#shared/http/crm-handler';

export const handler = crmHandler(routes.revokePortalAccess, async ({ recruiter, params }) => {
  await revokePortalAccess(recruiter, params.contactId);
  return {};
});
