import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { navigate } from 'wouter/use-browser-location';
import { ErrorMessage } from '../../components/ui/feedback.tsx';
import { TextField } from '../../components/ui/field.tsx';
import { api, unwrap } from '../../lib/api/client.ts';
import { ApiError } from '../../lib/api/errors.ts';

/** Six digits, however they were pasted ("123 456", "123-456"); the API normalises the same way. */
const digits = (code: string) => code.replace(/[\s-]/g, '');
/** What the API takes as typed, spaces included (`loginCode` in shared/api/schemas/portal.ts). */
const typedMaxLength = 32;

/**
 * B24: the code from the login e-mail, typed on the device where the person asked for it — the
 * way in when a mail scanner used the link first, or the e-mail is read on another device.
 */
export function LoginCodeForm({ loginRequestId }: { loginRequestId: string }) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  const logIn = useMutation({
    mutationFn: (typed: string) =>
      unwrap(api.POST('/portal/sessions', { body: { loginRequestId, code: typed } })),
    onSuccess: (answer) => {
      forgetLoginRequest();
      navigate(answer.redirectTo, { replace: true });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!/^\d{6}$/.test(digits(code))) return setError('Enter the 6-digit code from the e-mail.');
    setError(undefined);
    logIn.mutate(code);
  };
  const refused = logIn.error instanceof ApiError && logIn.error.code === 'login_code_invalid';
  return (
    <form className="form" onSubmit={submit} noValidate>
      {logIn.error ? (
        <ErrorMessage title="That code did not work">
          {refused
            ? 'Check the code in the newest login e-mail and type it again. A code works once, for 15 minutes. Each login e-mail allows 5 tries in all; after that, use its link or ask for a new e-mail.'
            : logIn.error.message}
        </ErrorMessage>
      ) : null}
      <TextField
        label="Login code"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={typedMaxLength}
        hint="The 6-digit code in the e-mail, next to the link."
        value={code}
        onChange={(e) => setCode(e.target.value)}
        error={error}
      />
      <button type="submit" className="button button-primary" disabled={logIn.isPending}>
        {logIn.isPending ? 'Logging in…' : 'Log in'}
      </button>
    </form>
  );
}

const storageKey = 'portal-login-request';
/** The pending request survives a reload of the login page (it is useless without the e-mailed code). */
export const rememberLoginRequest = (r: { loginRequestId: string; email: string }) =>
  sessionStorage.setItem(storageKey, JSON.stringify(r));
export const forgetLoginRequest = () => sessionStorage.removeItem(storageKey);
export function rememberedLoginRequest(): { loginRequestId: string; email: string } | undefined {
  try {
    const value = JSON.parse(sessionStorage.getItem(storageKey) ?? 'null') as {
      loginRequestId?: unknown;
      email?: unknown;
    } | null;
    return typeof value?.loginRequestId === 'string' && typeof value.email === 'string'
      ? { loginRequestId: value.loginRequestId, email: value.email }
      : undefined;
  } catch {
    return undefined;
  }
}
