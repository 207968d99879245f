import * as routes from '#shared/api/routes/portal-sign-in';
import { describeInvitation } from '#shared/domain/signup';
import { publicPortalHandler } from '#shared/http/portal-handler';

export const handler = publicPortalHandler(routes.getInvitation, async ({ params }) => ({
  body: await describeInvitation(params.token),
}));
