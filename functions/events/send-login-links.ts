import { sendOnce } from '#shared/data/notifications';
import { sendLoginLinks, type SendOutcome } from '#shared/domain/login-send';
import type { LoginLinksRequested } from '#shared/events/catalog';
import { eventHandler } from '#shared/events/event-handler';
import { hashEmail, hashToken } from '#shared/util/tokens';

/** B7, B24, asynchronous half: the route answered 202 already. The same request delivered twice sends one e-mail. */
export const handler = eventHandler<LoginLinksRequested>(async (detail) => {
  // An event published before B24 names no request: a stable stand-in keeps its retries idempotent
  // (its links work; its codes cannot, as nobody holds an id for them).
  const requestIdHash =
    detail.loginRequestIdHash ?? hashToken(`${hashEmail(detail.email)}#${detail.requestedAt}`);
  let outcome: SendOutcome = { links: 0 };
  const handled = await sendOnce(`login-links#${requestIdHash}`, async () => {
    outcome = await sendLoginLinks({ email: detail.email, requestedAt: detail.requestedAt, requestIdHash });
  });
  return { handled, ...outcome };
});
