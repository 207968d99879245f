import * as routes from '#shared/api/routes/crm-account';
import { changeAccount } from '#shared/domain/account';
import { crmHandler } from '#shared/http/crm-handler';

export const handler = crmHandler(routes.patchAccount, async ({ recruiter, body }) => ({
  body: await changeAccount(recruiter, body),
}));
