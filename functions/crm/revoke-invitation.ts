import * as routes from '#shared/api/routes/crm-contacts';
import { revokeInvitation } from '#shared/domain/invitations';
import { crmHandler } from '#shared/http/crm-handler';

export const handler = crmHandler(routes.revokeInvitation, async ({ recruiter, params }) => {
  await revokeInvitation(recruiter, params.contactId);
  return {};
});
