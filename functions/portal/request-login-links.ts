import { routes } from '#shared/api/routes';
import { requestLoginLinks } from '#shared/domain/login-request';
import { publicPortalHandler } from '#shared/http/portal-handler';

export const handler = publicPortalHandler(routes.requestLoginLinks, async ({ body, clientAddress }) => ({
  body: await requestLoginLinks(body.email, clientAddress),
}));
