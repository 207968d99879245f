import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { navigate } from 'wouter/use-browser-location';
import { PublicLayout } from '../../components/layout/public-layout.tsx';
import { ErrorMessage, Loading } from '../../components/ui/feedback.tsx';
import { Page } from '../../components/ui/page.tsx';
import { api, unwrap } from '../../lib/api/client.ts';
import { ApiError } from '../../lib/api/errors.ts';
import { useSearchParam } from '../../lib/search-params.ts';

const tokenShape = /^[A-Za-z0-9_-]{43}$/;

/**
 * The login link's landing page. Opening it consumes nothing (mail scanners open links too); only
 * the Log in button's POST uses the link and starts the session.
 */
export default function LoginContinuePage() {
  const token = useSearchParam('token') ?? '';
  const wellFormed = tokenShape.test(token);
  const link = useQuery({
    queryKey: ['login-link', token],
    queryFn: () => unwrap(api.GET('/portal/login-links/{token}', { params: { path: { token } } })),
    enabled: wellFormed,
    staleTime: Infinity,
  });
  const logIn = useMutation({
    mutationFn: () => unwrap(api.POST('/portal/sessions', { body: { token } })),
    onSuccess: (answer) => navigate(answer.redirectTo, { replace: true }),
  });

  const problem = !wellFormed ? new ApiError(404, 'login_link_not_found', '') : (link.error ?? logIn.error);
  if (problem) return <LinkProblem error={problem} />;
  if (!link.data)
    return (
      <PublicLayout>
        <Loading label="Checking your login link…" />
      </PublicLayout>
    );
  const info = link.data;
  return (
    <PublicLayout agency={info.agency.name}>
      <Page title="Log in" heading={`Log in to ${info.agency.name}`}>
        <p>
          You are about to log in to the Client Portal of <strong>{info.agency.name}</strong> as{' '}
          <strong>{info.email}</strong> ({info.organization.name}).
        </p>
        <button
          type="button"
          className="button button-primary"
          disabled={logIn.isPending}
          onClick={() => logIn.mutate()}
        >
          {logIn.isPending ? 'Logging in…' : 'Log in'}
        </button>
      </Page>
    </PublicLayout>
  );
}

function LinkProblem({ error }: { error: unknown }) {
  const expired = error instanceof ApiError && error.code === 'login_link_expired';
  const network = error instanceof ApiError && error.status === 0;
  return (
    <PublicLayout>
      <Page
        title={
          expired
            ? 'This login link has expired'
            : network
              ? 'Login link not checked'
              : 'This login link no longer works'
        }
      >
        {network ? (
          <ErrorMessage>{(error as ApiError).message}</ErrorMessage>
        ) : (
          <p>
            {expired
              ? 'Login links work for 15 minutes.'
              : 'Each login link works once, and a newer login e-mail replaces older links.'}{' '}
            Ask for a new link and use the newest e-mail.
          </p>
        )}
        <p>
          <Link href="/login" className="button button-primary">
            Email me a new login link
          </Link>
        </p>
      </Page>
    </PublicLayout>
  );
}
