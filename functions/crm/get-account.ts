import { routes } from '#shared/api/routes';
import { crmHandler } from '#shared/http/crm-handler';

export const handler = crmHandler(routes.getAccount, async ({ recruiter }) => ({ body: { id: recruiter.accountId } }));
