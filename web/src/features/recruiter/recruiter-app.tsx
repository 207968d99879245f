import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { navigate } from 'wouter/use-browser-location';
import { PublicLayout } from '../../components/layout/public-layout.tsx';
import { ErrorMessage, Loading } from '../../components/ui/feedback.tsx';
import { Page } from '../../components/ui/page.tsx';
import { type AuthConfig, loadAuthConfig } from './auth/auth-config.ts';
import { completeCognito, isCognitoCallback, renewCognito } from './auth/cognito-sign-in.ts';
import { startSession, useSession } from './auth/session.ts';
import { useUnauthorizedEndsSession } from './auth/use-unauthorized-ends-session.ts';
import { ConsoleLayout } from './shell/console-layout.tsx';
import { ConsoleRoutes } from './shell/console-routes.tsx';
import { SignInPage } from './sign-in/sign-in-page.tsx';

let configLoaded: AuthConfig | undefined;
const authConfigQuery = {
  queryKey: ['crm', 'auth-config'] as const,
  queryFn: async () => (configLoaded ??= await loadAuthConfig()),
  staleTime: Infinity,
  retry: false,
};

function Trouble({ title, message }: { title: string; message: string }) {
  return (
    <PublicLayout>
      <Page title={title}>
        <ErrorMessage>{message}</ErrorMessage>
      </Page>
    </PublicLayout>
  );
}

/** The managed login came back with a code: exchange it once, then go where the recruiter started. */
function useCognitoCallback(config: AuthConfig | undefined) {
  const [failure, setFailure] = useState<string>();
  const done = useRef(false);
  // The URL stays the callback until the exchange ends and navigates away.
  const pending = config?.mode === 'cognito' && isCognitoCallback(new URL(window.location.href), config);
  useEffect(() => {
    if (!pending || config?.mode !== 'cognito' || done.current) return;
    done.current = true;
    completeCognito(config, window.location.href).then(
      ({ tokens, returnTo }) => {
        startSession(tokens, renewCognito(config));
        navigate(returnTo, { replace: true });
      },
      (error: unknown) => {
        navigate('/recruiter', { replace: true });
        setFailure(error instanceof Error ? error.message : 'The sign-in did not complete.');
      },
    );
  }, [pending, config]);
  return { pending, failure };
}

function SignedIn({ config }: { config: AuthConfig }) {
  useUnauthorizedEndsSession(config);
  return (
    <ConsoleLayout config={config}>
      <ConsoleRoutes />
    </ConsoleLayout>
  );
}

/** /recruiter: the sign-in while nobody is signed in, else the console. */
export default function RecruiterApp() {
  const config = useQuery(authConfigQuery);
  const session = useSession();
  const callback = useCognitoCallback(config.data);
  if (config.isError) return <Trouble title="Sign-in is not available" message={config.error.message} />;
  if (!config.data) return <Loading label="Opening the recruiter console…" />;
  if (session.recruiter) return <SignedIn config={config.data} />;
  if (callback.pending && !callback.failure) return <Loading label="Signing you in…" />;
  if (callback.failure) return <Trouble title="The sign-in did not complete" message={callback.failure} />;
  return <SignInPage config={config.data} ended={session.ended} />;
}
