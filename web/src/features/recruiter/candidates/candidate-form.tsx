import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorMessage } from '../../../components/ui/feedback.tsx';
import { TextArea, TextField } from '../../../components/ui/field.tsx';
import { api, unwrap } from '../../../lib/api/client.ts';
import { fieldErrors } from '../../../lib/api/errors.ts';
import { crmSchemas, warmCrmSchemas } from '../../../lib/crm-schemas.ts';
import { issuesByField } from '../../../lib/zod-errors.ts';
import { crmKeys } from '../queries.ts';
import type { Candidate } from './candidate-queries.ts';

const labels = {
  firstName: 'First name',
  lastName: 'Last name',
  email: 'E-mail',
  phone: 'Phone',
  headline: 'Headline',
  summary: 'Summary',
};
type Values = Record<keyof typeof labels, string>;
const empty: Values = { firstName: '', lastName: '', email: '', phone: '', headline: '', summary: '' };

const orNull = (s: string) => (s.trim() ? s.trim() : null);
const toBody = (v: Values) => ({
  firstName: v.firstName,
  lastName: v.lastName,
  email: orNull(v.email),
  phone: orNull(v.phone),
  headline: orNull(v.headline),
  summary: orNull(v.summary),
});

/** §5: a new candidate, with the API's own rules. */
export function CandidateForm({ onSaved, onCancel }: { onSaved(c: Candidate): void; onCancel(): void }) {
  const [values, setValues] = useState<Values>(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (body: ReturnType<typeof toBody>) => unwrap(api.POST('/crm/candidates', { body })),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: crmKeys.candidates.list });
      setValues(empty);
      onSaved(saved);
    },
    onError: (error) => setErrors(fieldErrors(error)),
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const { candidateCreate } = await crmSchemas();
    const body = toBody(values);
    const parsed = candidateCreate.safeParse(body);
    if (!parsed.success) return setErrors(issuesByField(parsed.error, labels));
    setErrors({});
    save.mutate(body);
  };
  const field = (key: keyof Values) => ({
    value: values[key],
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value })),
    error: errors[key],
  });
  const refusal = save.error && Object.keys(fieldErrors(save.error)).length === 0 ? save.error : null;
  const errorCount = Object.keys(errors).length;
  return (
    <form
      className="form"
      onSubmit={(e) => void submit(e)}
      onFocus={warmCrmSchemas}
      noValidate
      aria-label="New candidate"
    >
      {refusal ? <ErrorMessage title="Not saved">{refusal.message}</ErrorMessage> : null}
      {errorCount > 0 ? (
        <ErrorMessage title="Check the form">
          {errorCount === 1 ? 'One field needs your attention.' : `${errorCount} fields need your attention.`}
        </ErrorMessage>
      ) : null}
      <div className="field-row">
        <TextField
          label={labels.firstName}
          required
          maxLength={200}
          autoComplete="off"
          {...field('firstName')}
        />
        <TextField
          label={labels.lastName}
          required
          maxLength={200}
          autoComplete="off"
          {...field('lastName')}
        />
      </div>
      <div className="field-row">
        <TextField label={labels.email} optional type="email" autoComplete="off" {...field('email')} />
        <TextField label={labels.phone} optional type="tel" autoComplete="off" {...field('phone')} />
      </div>
      <TextField
        label={labels.headline}
        optional
        maxLength={200}
        hint="One line clients see first, e.g. “Data engineer, 8 years of Spark”."
        {...field('headline')}
      />
      <TextArea
        label={labels.summary}
        optional
        rows={4}
        hint="Clients see the name, headline and summary — never the e-mail or phone."
        {...field('summary')}
      />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          Create candidate
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
