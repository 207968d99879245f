import * as routes from '#shared/api/routes/crm-contacts';
import { deleteContact } from '#shared/domain/contacts';
import { crmHandler } from '#shared/http/crm-handler';

export const handler = crmHandler(routes.deleteContact, async ({ recruiter, params }) => {
  await deleteContact(recruiter.accountId, params.contactId, recruiter.email);
  return {};
});
