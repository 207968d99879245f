import type { QueryClient } from '@tanstack/react-query';
import type { AuthConfig } from './auth-config.ts';
import { signOutOfCognito } from './cognito-sign-in.ts';
import { currentRefreshToken, endSession, type EndReason } from './session.ts';

/** Ends the session and drops every recruiter answer from the cache (nothing of it outlives the session). */
export function signOut(queryClient: QueryClient, config: AuthConfig, reason: EndReason = 'signed_out') {
  const refreshToken = currentRefreshToken();
  endSession(reason);
  queryClient.removeQueries({ queryKey: ['crm'] });
  // The managed login keeps a session of its own: end it too, or "Sign in" would skip the login.
  if (config.mode === 'cognito' && reason === 'signed_out') void signOutOfCognito(config, refreshToken);
}
