import * as routes from '#shared/api/routes/portal-sign-in';
import { endSession } from '#shared/data/sessions';
import { clearedSessionCookie } from '#shared/http/cookies';
import { portalHandler } from '#shared/http/portal-handler';

export const handler = portalHandler(routes.deleteSession, async ({ caller }) => {
  await endSession(caller.sessionHash, 'logged_out', new Date());
  return { cookies: [clearedSessionCookie()] };
});
