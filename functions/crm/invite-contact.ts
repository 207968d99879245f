import * as routes from '#shared/api/routes/crm-contacts';
import { inviteContact } from '#shared/domain/invitations';
import { crmHandler } from '#shared/http/crm-handler';

export const handler = crmHandler(routes.inviteContact, async ({ recruiter, params }) => ({
  body: await inviteContact(recruiter, params.contactId),
}));
