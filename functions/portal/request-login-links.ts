import * as routes from '#shared/api/routes/portal-sign-in';
import { requestLoginLinks } from '#shared/domain/login-request';
import { publicPortalHandler } from '#shared/http/portal-handler';

export const handler = publicPortalHandler(routes.requestLoginLinks, async ({ body, clientAddress }) => ({
  body: await requestLoginLinks(body.email, clientAddress),
}));
