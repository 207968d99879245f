import * as routes from '#shared/api/routes/portal-sign-in';
import { describeLoginLink } from '#shared/domain/login';
import { publicPortalHandler } from '#shared/http/portal-handler';

export const handler = publicPortalHandler(routes.getLoginLink, async ({ params }) => ({
  body: await describeLoginLink(params.token),
}));
