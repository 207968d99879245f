import { routes } from '#shared/api/routes';
import { readContact } from '#shared/domain/contacts';
import { crmHandler } from '#shared/http/crm-handler';

export const handler = crmHandler(routes.getContact, async ({ recruiter, params }) => ({
  body: await readContact(recruiter.accountId, params.contactId),
}));
