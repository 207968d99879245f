import { sendLoginLinks } from '#shared/domain/login';
import type { LoginLinksRequested } from '#shared/events/catalog';
import { eventHandler } from '#shared/events/event-handler';

/** B7, asynchronous half: the route answered 202 already. */
export const handler = eventHandler<LoginLinksRequested>(async (detail) => ({
  links: await sendLoginLinks(detail.email),
}));
