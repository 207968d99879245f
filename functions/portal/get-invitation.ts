import { routes } from '#shared/api/routes';
import { describeInvitation } from '#shared/domain/signup';
import { publicPortalHandler } from '#shared/http/portal-handler';

export const handler = publicPortalHandler(routes.getInvitation, async ({ params }) => ({
  body: await describeInvitation(params.token),
}));
