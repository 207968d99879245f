import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ApiError } from '../../../lib/api/errors.ts';
import type { AuthConfig } from './auth-config.ts';
import { signOut } from './sign-out.ts';

const isUnauthorized = (error: unknown) => error instanceof ApiError && error.status === 401;

/**
 * A 401 from /crm means the token is no longer accepted (expired, or the recruiter was disabled):
 * the console ends the session, and the sign-in page says so.
 */
export function useUnauthorizedEndsSession(config: AuthConfig) {
  const queryClient = useQueryClient();
  useEffect(() => {
    const end = () => signOut(queryClient, config, 'expired');
    const queries = queryClient.getQueryCache().subscribe((event) => {
      if (
        event.type === 'updated' &&
        event.query.queryKey[0] === 'crm' &&
        isUnauthorized(event.query.state.error)
      )
        end();
    });
    const mutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && isUnauthorized(event.mutation?.state.error)) end();
    });
    return () => {
      queries();
      mutations();
    };
  }, [queryClient, config]);
}
