import * as routes from '#shared/api/routes/crm-contacts';
import { readContactAudit } from '#shared/domain/contact-audit';
import { crmHandler } from '#shared/http/crm-handler';
import { pageRequest } from '#shared/http/paging';

const route = routes.getContactAudit;

export const handler = crmHandler(route, async ({ recruiter, params, query }) => ({
  body: await readContactAudit(
    recruiter.accountId,
    params.contactId,
    pageRequest(route, recruiter.accountId, query, params),
  ),
}));
