import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { navigate } from 'wouter/use-browser-location';
import { ErrorMessage } from '../../components/ui/feedback.tsx';
import { TextField } from '../../components/ui/field.tsx';
import { api, unwrap } from '../../lib/api/client.ts';
import { fieldErrors } from '../../lib/api/errors.ts';
import { portalSchemas, warmPortalSchemas } from '../../lib/portal-schemas.ts';
import { issuesByField } from '../../lib/zod-errors.ts';

const labels = { firstName: 'First name', lastName: 'Last name', jobTitle: 'Job title' };

export function SignupForm({
  token,
  invitation,
}: {
  token: string;
  invitation: { firstName: string; lastName: string };
}) {
  const [values, setValues] = useState({
    firstName: invitation.firstName,
    lastName: invitation.lastName,
    jobTitle: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const join = useMutation({
    mutationFn: (body: typeof values & { token: string }) =>
      unwrap(api.POST('/portal/signup', { body: { ...body, jobTitle: body.jobTitle || null } })),
    onSuccess: (answer) => navigate(answer.redirectTo, { replace: true }),
    onError: (error) => setErrors(fieldErrors(error)),
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const { signup } = await portalSchemas();
    const parsed = signup.safeParse({ ...values, token });
    if (!parsed.success) return setErrors(issuesByField(parsed.error, labels));
    setErrors({});
    join.mutate({ ...values, token });
  };
  const set = (key: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));
  const apiProblem = join.error && Object.keys(fieldErrors(join.error)).length === 0 ? join.error : null;

  return (
    <form onSubmit={(e) => void submit(e)} onFocus={warmPortalSchemas} noValidate className="form">
      {apiProblem ? <ErrorMessage title="You could not join yet">{apiProblem.message}</ErrorMessage> : null}
      <TextField
        label={labels.firstName}
        name="firstName"
        autoComplete="given-name"
        required
        value={values.firstName}
        onChange={set('firstName')}
        error={errors.firstName}
      />
      <TextField
        label={labels.lastName}
        name="lastName"
        autoComplete="family-name"
        required
        value={values.lastName}
        onChange={set('lastName')}
        error={errors.lastName}
      />
      <TextField
        label={labels.jobTitle}
        name="jobTitle"
        autoComplete="organization-title"
        optional
        value={values.jobTitle}
        onChange={set('jobTitle')}
        error={errors.jobTitle}
      />
      <button type="submit" className="button button-primary" disabled={join.isPending}>
        {join.isPending ? 'Joining…' : 'Join Client Portal'}
      </button>
    </form>
  );
}
