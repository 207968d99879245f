import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { PublicLayout } from '../../components/layout/public-layout.tsx';
import { ErrorMessage, Loading } from '../../components/ui/feedback.tsx';
import { Page } from '../../components/ui/page.tsx';
import { api, unwrap } from '../../lib/api/client.ts';
import { ApiError } from '../../lib/api/errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useSearchParam } from '../../lib/search-params.ts';
import { SignupForm } from './signup-form.tsx';

const tokenShape = /^[A-Za-z0-9_-]{43}$/;

/** B5: who is invited, read without consuming anything; only the form's POST uses the invitation. */
export default function SignupPage() {
  const token = useSearchParam('token') ?? '';
  const wellFormed = tokenShape.test(token);
  const invitation = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => unwrap(api.GET('/portal/invitations/{token}', { params: { path: { token } } })),
    enabled: wellFormed,
    staleTime: Infinity,
  });

  if (!wellFormed || invitation.isError) {
    return (
      <PublicLayout>
        <InvitationProblem error={wellFormed ? invitation.error : undefined} />
      </PublicLayout>
    );
  }
  if (!invitation.data)
    return (
      <PublicLayout>
        <Loading label="Checking your invitation…" />
      </PublicLayout>
    );
  const info = invitation.data;
  return (
    <PublicLayout agency={info.agency.name}>
      <Page title="Join the Client Portal" heading={`Join ${info.agency.name}'s Client Portal`}>
        <dl className="facts">
          <div>
            <dt>Invited</dt>
            <dd>
              {info.firstName} {info.lastName} ({info.email})
            </dd>
          </div>
          <div>
            <dt>Organization</dt>
            <dd>{info.organization.name}</dd>
          </div>
          <div>
            <dt>Invitation valid until</dt>
            <dd>{formatDateTime(info.expiresAt)}</dd>
          </div>
        </dl>
        <SignupForm token={token} invitation={info} />
      </Page>
    </PublicLayout>
  );
}

function InvitationProblem({ error }: { error: unknown }) {
  const code = error instanceof ApiError ? error.code : 'invitation_not_found';
  if (error instanceof ApiError && error.status === 0)
    return (
      <Page title="Invitation not checked">
        <ErrorMessage>{error.message}</ErrorMessage>
      </Page>
    );
  const title =
    code === 'invitation_expired'
      ? 'This invitation has expired'
      : code === 'portal_disabled'
        ? 'The Client Portal is not available'
        : 'This invitation link no longer works';
  return (
    <Page title={title}>
      {code === 'invitation_expired' ? (
        <p>Invitations are valid for 7 days. Ask your recruiter to send you a new one.</p>
      ) : code === 'portal_disabled' ? (
        <p>
          Your recruiting agency has switched its Client Portal off. Ask your recruiter when it will be back.
        </p>
      ) : (
        <>
          <p>The link may have been used already, replaced by a newer invitation, or copied incompletely.</p>
          <ul>
            <li>If you have already joined, log in with your e-mail address.</li>
            <li>Otherwise, ask your recruiter to send you a new invitation.</li>
          </ul>
        </>
      )}
      <p>
        <Link href="/login" className="button button-primary">
          Go to the login page
        </Link>
      </p>
    </Page>
  );
}
