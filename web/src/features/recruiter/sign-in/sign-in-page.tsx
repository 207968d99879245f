import { useState } from 'react';
import { PublicLayout } from '../../../components/layout/public-layout.tsx';
import { ErrorMessage, StatusMessage } from '../../../components/ui/feedback.tsx';
import { Page } from '../../../components/ui/page.tsx';
import type { AuthConfig, CognitoConfig } from '../auth/auth-config.ts';
import { startCognito } from '../auth/cognito-sign-in.ts';
import type { EndReason } from '../auth/session.ts';
import { LocalSignInForm } from './local-sign-in-form.tsx';

function CognitoSignIn({ config }: { config: CognitoConfig }) {
  const [failure, setFailure] = useState<string>();
  return (
    <>
      {failure ? <ErrorMessage title="The sign-in page could not be opened">{failure}</ErrorMessage> : null}
      <p>You sign in with your agency account, and with the code of your authenticator app.</p>
      <div className="button-row">
        <button
          type="button"
          className="button button-primary"
          onClick={() =>
            startCognito(config).catch((error: unknown) =>
              setFailure(error instanceof Error ? error.message : 'Try again.'),
            )
          }
        >
          Sign in
        </button>
      </div>
    </>
  );
}

const endedText: Record<EndReason, string> = {
  expired: 'Your sign-in has expired; sign in again.',
  signed_out: 'You have signed out.',
};

export function SignInPage({ config, ended }: { config: AuthConfig; ended?: EndReason | undefined }) {
  return (
    <PublicLayout>
      <Page title="Sign in to the recruiter console">
        {ended === 'expired' ? <ErrorMessage>{endedText.expired}</ErrorMessage> : null}
        {ended === 'signed_out' ? <StatusMessage>{endedText.signed_out}</StatusMessage> : null}
        {config.mode === 'local' ? (
          <>
            <p>
              This is the local stack: it signs you in with a test token for any account. In AWS, recruiters
              sign in with their agency account instead.
            </p>
            <LocalSignInForm />
          </>
        ) : (
          <CognitoSignIn config={config} />
        )}
      </Page>
    </PublicLayout>
  );
}
