import * as routes from '#shared/api/routes/crm-account';
import { readAccount } from '#shared/domain/account';
import { crmHandler } from '#shared/http/crm-handler';

export const handler = crmHandler(routes.getAccount, async ({ recruiter }) => ({
  body: await readAccount(recruiter.accountId),
}));
