import * as routes from '#shared/api/routes/portal-sign-in';
import { portalHandler } from '#shared/http/portal-handler';

/** Answered from the session check alone: no further request. */
export const handler = portalHandler(routes.me, async ({ caller }) => ({
  body: { user: caller.user, organization: caller.organization, agency: { name: caller.account.portalName } },
}));
