import { routes } from '#shared/api/routes';
import { describeLoginLink } from '#shared/domain/login';
import { publicPortalHandler } from '#shared/http/portal-handler';

export const handler = publicPortalHandler(routes.getLoginLink, async ({ params }) => ({
  body: await describeLoginLink(params.token),
}));
