import * as routes from '#shared/api/routes/portal-jobs';
import { actOnCandidate } from '#shared/domain/portal-jobs';
import { portalHandler } from '#shared/http/portal-handler';

export const handler = portalHandler(routes.moveCandidate, async ({ caller, params, body }) => ({
  body: await actOnCandidate(caller, params.jobId, params.submissionId, {
    stage: body.stage,
    remark: body.remark,
  }),
}));
