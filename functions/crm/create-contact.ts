import * as routes from '#shared/api/routes/crm-contacts';
import { createContact } from '#shared/domain/contacts';
import { crmHandler } from '#shared/http/crm-handler';

export const handler = crmHandler(routes.createContact, async ({ recruiter, body }) => ({
  body: await createContact(recruiter.accountId, body),
}));
