import * as routes from '#shared/api/routes/portal-sign-in';
import { logIn } from '#shared/domain/login';
import { sessionCookie } from '#shared/http/cookies';
import { publicPortalHandler } from '#shared/http/portal-handler';

export const handler = publicPortalHandler(routes.createSession, async ({ body }) => {
  const { sessionToken, user } = await logIn(body.token);
  return { body: { user, redirectTo: '/app' }, cookies: [sessionCookie(sessionToken)] };
});
