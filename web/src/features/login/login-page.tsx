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
import {
  forgetLoginRequest,
  LoginCodeForm,
  rememberedLoginRequest,
  rememberLoginRequest,
} from './login-code-form.tsx';

/** B7: one answer for every address, so the page cannot tell whether an address is known. */
export default function LoginPage() {
  const ended = endedReason(useSearchParam('ended'));
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string>();
  // A reason to show (the last visit ended) outranks a login request left from before.
  const [pending, setPending] = useState(() => (ended ? undefined : rememberedLoginRequest()));
  const request = useMutation({
    mutationFn: (address: string) => unwrap(api.POST('/portal/login-links', { body: { email: address } })),
    onSuccess: (answer, address) => {
      const next = { loginRequestId: answer.loginRequestId, email: address };
      rememberLoginRequest(next);
      setPending(next);
    },
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const { loginLinkRequest } = await portalSchemas();
    const parsed = loginLinkRequest.safeParse({ email: email.trim() });
    if (!parsed.success) return setError(issuesByField(parsed.error, { email: 'Email' }).email);
    setError(undefined);
    request.mutate(parsed.data.email);
  };

  if (pending)
    return (
      <PublicLayout>
        <Page title="Check your e-mail">
          <StatusMessage>
            If <strong>{pending.email}</strong> belongs to a Client Portal user, we have sent it a login
            e-mail.
          </StatusMessage>
          <p>
            Type the 6-digit code from the e-mail here, or select the link in it — on this device or any
            other. Both work once, within 15 minutes. If you are a client of several agencies, the e-mail has
            a code for each: the code you type decides where you log in.
          </p>
          <LoginCodeForm loginRequestId={pending.loginRequestId} />
          <p>No e-mail after a few minutes? Check your spam or junk folder, then ask for a new one.</p>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              forgetLoginRequest();
              setPending(undefined);
              request.reset();
            }}
          >
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
        <p>Enter the e-mail address your recruiter invited. We will e-mail you a login code and a link.</p>
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
