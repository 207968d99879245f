import * as routes from '#shared/api/routes/crm-candidates';
import { createCandidate } from '#shared/domain/candidates';
import { crmHandler } from '#shared/http/crm-handler';

export const handler = crmHandler(routes.createCandidate, async ({ recruiter, body }) => ({
  body: await createCandidate(recruiter.accountId, body),
}));
