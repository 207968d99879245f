import { sendOnce } from '#shared/data/notifications';
import { sendLoginLinks } from '#shared/domain/login';
import type { LoginLinksRequested } from '#shared/events/catalog';
import { eventHandler } from '#shared/events/event-handler';
import { hashEmail } from '#shared/util/tokens';

/** B7, asynchronous half: the route answered 202 already. The same request delivered twice sends one e-mail. */
export const handler = eventHandler<LoginLinksRequested>(async (detail) => {
  let links = 0;
  const handled = await sendOnce(`login-links#${hashEmail(detail.email)}#${detail.requestedAt}`, async () => {
    links = await sendLoginLinks(detail.email);
  });
  return { handled, links };
});
