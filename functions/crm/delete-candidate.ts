import * as routes from '#shared/api/routes/crm-candidates';
import { deleteCandidate } from '#shared/domain/candidates';
import { crmHandler } from '#shared/http/crm-handler';

export const handler = crmHandler(routes.deleteCandidate, async ({ recruiter, params }) => {
  await deleteCandidate(recruiter.accountId, params.candidateId);
  return {};
});
