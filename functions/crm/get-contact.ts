import * as routes from '#shared/api/routes/crm-contacts';
import { readContact } from '#shared/domain/contacts';
import { crmHandler } from '#shared/http/crm-handler';

export const handler = crmHandler(routes.getContact, async ({ recruiter, params }) => ({
  body: await readContact(recruiter.accountId, params.contactId),
}));
