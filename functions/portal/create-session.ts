import * as routes from '#shared/api/routes/portal-sign-in';
import { logIn, logInWithCode } from '#shared/domain/login';
import { sessionCookie } from '#shared/http/cookies';
import { publicPortalHandler } from '#shared/http/portal-handler';

/** B7 by the link's token, B24 by the login request and a code: either starts a session. */
export const handler = publicPortalHandler(routes.createSession, async ({ body }) => {
  const { sessionToken, user } =
    'token' in body ? await logIn(body.token) : await logInWithCode(body.loginRequestId, body.code);
  return { body: { user, redirectTo: '/app' }, cookies: [sessionCookie(sessionToken)] };
});
