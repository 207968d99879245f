import * as routes from '#shared/api/routes/portal-sign-in';
import { signUp } from '#shared/domain/signup';
import { sessionCookie } from '#shared/http/cookies';
import { publicPortalHandler } from '#shared/http/portal-handler';

export const handler = publicPortalHandler(routes.signup, async ({ body }) => {
  const { sessionToken, user } = await signUp(body);
  return { body: { user, redirectTo: '/app' }, cookies: [sessionCookie(sessionToken)] };
});
