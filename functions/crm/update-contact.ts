import * as routes from '#shared/api/routes/crm-contacts';
import { updateContact } from '#shared/domain/contacts';
import { crmHandler } from '#shared/http/crm-handler';

export const handler = crmHandler(routes.patchContact, async ({ recruiter, params, body }) => ({
  body: await updateContact(recruiter.accountId, params.contactId, body),
}));
