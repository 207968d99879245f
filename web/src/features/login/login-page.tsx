import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { PublicLayout } from '../../components/layout/public-layout.tsx';
import { ErrorMessage, StatusMessage } from '../../components/ui/feedback.tsx';
import { TextField } from '../../components/ui/field.tsx';
import { Page } from '../../components/ui/page.tsx';
import { api, unwrap } from '../../lib/api/client.ts';
import { ApiError } from '../../lib/api/errors.ts';
import { inMinutes } from '../../lib/format.ts';
import { useSearchParam } from '../../lib/search-params.ts';
import { portalSchemas, warmPortalSchemas } from '../../lib/portal-schemas.ts';
import { issuesByField } from '../../lib/zod-errors.ts';
import { endedReason } from './ended-reasons.ts';

/** B7: one answer for every address, so the page cannot tell whether an address is known. */
export default function LoginPage() {
  const ended = endedReason(useSearchParam('ended'));
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string>();
  const request = useMutation({
    mutationFn: (address: string) => unwrap(api.POST('/portal/login-links', { body: { email: address } })),
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const { loginLinkRequest } = await portalSchemas();
    const parsed = loginLinkRequest.safeParse({ email: email.trim() });
    if (!parsed.success) return setError(issuesByField(parsed.error, { email: 'Email' }).email);
    setError(undefined);
    request.mutate(parsed.data.email);
  };

  if (request.isSuccess)
    return (
      <PublicLayout>
        <Page title="Check your e-mail">
          <StatusMessage>
            If <strong>{request.variables}</strong> belongs to a Client Portal user, we have sent a login link
            to it.
          </StatusMessage>
          <p>
            Open the e-mail and select the link. It works once, within 15 minutes. If you are a client of
            several agencies, the e-mail has one link for each.
          </p>
          <p>No e-mail after a few minutes? Check your spam or junk folder, then ask for a new link.</p>
          <button type="button" className="button button-secondary" onClick={() => request.reset()}>
            Use a different address
          </button>
        </Page>
      </PublicLayout>
    );

  const failure = request.error;
  return (
    <PublicLayout>
      <Page title="Log in">
        {ended && !failure ? <StatusMessage title={ended.title}>{ended.text}</StatusMessage> : null}
        {failure ? (
          <ErrorMessage
            title={
              failure instanceof ApiError && failure.status === 429
                ? 'Too many login requests'
                : 'The login link was not sent'
            }
          >
            {failure instanceof ApiError && failure.status === 429
              ? `For your security we limit how often a login link can be sent. Try again ${inMinutes(failure.retryAfter ?? 900)}.`
              : failure.message}
          </ErrorMessage>
        ) : null}
        <p>Enter the e-mail address your recruiter invited. We will e-mail you a link that logs you in.</p>
        <form onSubmit={(e) => void submit(e)} onFocus={warmPortalSchemas} noValidate className="form">
          <TextField
            label="Email"
            name="email"
            type="email"
            autoComplete="email"
            inputMode="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={error}
          />
          <button type="submit" className="button button-primary" disabled={request.isPending}>
            {request.isPending ? 'Sending…' : 'Email me a login link'}
          </button>
        </form>
      </Page>
    </PublicLayout>
  );
}
