import * as routes from '#shared/api/routes/crm-candidates';
import { readCandidate } from '#shared/domain/candidates';
import { crmHandler } from '#shared/http/crm-handler';

export const handler = crmHandler(routes.getCandidate, async ({ recruiter, params }) => ({
  body: await readCandidate(recruiter.accountId, params.candidateId),
}));
