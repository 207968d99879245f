import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { navigate } from 'wouter/use-browser-location';
import { ApiError } from '../lib/api/errors.ts';

/**
 * Every 401 of the portal API ends the visit: the cache is dropped and the login page says why
 * (the API's error code tells an expired session from removed access, to the session's holder).
 */
function onError(error: unknown) {
  if (!(error instanceof ApiError) || error.status !== 401) return;
  const path = window.location.pathname;
  if (!path.startsWith('/app')) return;
  queryClient.clear();
  navigate(`/login?ended=${encodeURIComponent(error.code)}`, { replace: true });
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // A 4xx will not get better by asking again.
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: true,
    },
  },
});
