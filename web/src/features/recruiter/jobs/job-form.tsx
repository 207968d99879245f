import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { ErrorMessage } from '../../../components/ui/feedback.tsx';
import { SelectField, TextArea, TextField } from '../../../components/ui/field.tsx';
import { api, unwrap } from '../../../lib/api/client.ts';
import { fieldErrors } from '../../../lib/api/errors.ts';
import { crmSchemas, warmCrmSchemas } from '../../../lib/crm-schemas.ts';
import { type StageName } from '../../../lib/format.ts';
import { issuesByField } from '../../../lib/zod-errors.ts';
import { contactName, crmKeys, organizationContactsQuery, organizationsQuery } from '../queries.ts';
import { problem } from './job-errors.ts';
import type { Job } from './job-queries.ts';
import { StageChoices } from './stage-choices.tsx';

const labels = {
  title: 'Title',
  description: 'Description',
  organizationId: 'Organization',
  primaryContactId: 'Primary contact',
  location: 'Location',
  status: 'Status',
  clientAllowedStages: 'Stages a client may move candidates into',
};

interface Values {
  title: string;
  description: string;
  organizationId: string;
  primaryContactId: string;
  location: string;
  status: 'open' | 'closed';
  clientAllowedStages: StageName[];
}

const fromJob = (job: Job | undefined): Values => ({
  title: job?.title ?? '',
  description: job?.description ?? '',
  organizationId: job?.organizationId ?? '',
  primaryContactId: job?.primaryContactId ?? '',
  location: job?.location ?? '',
  status: job?.status ?? 'open',
  clientAllowedStages: job?.clientAllowedStages ?? ['shortlisted', 'interview', 'rejected'],
});

const toBody = (v: Values) => ({
  title: v.title,
  description: v.description,
  organizationId: v.organizationId,
  primaryContactId: v.primaryContactId || null,
  location: v.location.trim() ? v.location : null,
  clientAllowedStages: v.clientAllowedStages,
});

/** Create a job, or edit one (title … the stages a client may use, B12), with the API's own rules. */
export function JobForm({
  job,
  onSaved,
  onCancel,
}: {
  job?: Job;
  onSaved(job: Job): void;
  onCancel(): void;
}) {
  const [values, setValues] = useState<Values>(() => fromJob(job));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const organizations = useQuery(organizationsQuery);
  const contacts = useQuery({
    ...organizationContactsQuery(values.organizationId),
    enabled: values.organizationId !== '',
    staleTime: 0, // the choice must include a contact added a moment ago
  });
  const queryClient = useQueryClient();

  const save = useMutation({
    mutationFn: (v: Values) =>
      job
        ? unwrap(
            api.PATCH('/crm/jobs/{jobId}', {
              params: { path: { jobId: job.id } },
              body: { ...toBody(v), status: v.status },
            }),
          )
        : unwrap(api.POST('/crm/jobs', { body: toBody(v) })),
    onSuccess: (saved) => {
      queryClient.setQueryData(crmKeys.jobs.one(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: crmKeys.jobs.list });
      onSaved(saved);
    },
    onError: (error) => setErrors(fieldErrors(error)),
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const schemas = await crmSchemas();
    const parsed = (job ? schemas.jobPatch : schemas.jobCreate).safeParse(toBody(values));
    const found = parsed.success ? {} : issuesByField(parsed.error, labels);
    // An empty choice is "not chosen", not "a malformed id".
    if (!values.organizationId) found.organizationId = 'Choose the organization the job is for.';
    else if (found.organizationId) found.organizationId = 'Choose the organization again.';
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate(values);
  };
  const set =
    (key: 'title' | 'description' | 'location' | 'primaryContactId') => (e: { target: { value: string } }) =>
      setValues((v) => ({ ...v, [key]: e.target.value }));

  const refusal = save.error && Object.keys(fieldErrors(save.error)).length === 0 ? save.error : null;
  const moving = job !== undefined && job.sharedToPortal && values.organizationId !== job.organizationId;
  const errorCount = Object.keys(errors).length;
  return (
    <form
      className="form"
      onSubmit={(e) => void submit(e)}
      onFocus={warmCrmSchemas}
      noValidate
      aria-label={job ? `Edit ${job.title}` : 'New job'}
    >
      {refusal ? <ErrorMessage title="Not saved">{problem(refusal)}</ErrorMessage> : null}
      {errorCount > 0 ? (
        <ErrorMessage title="Check the form">
          {errorCount === 1 ? 'One field needs your attention.' : `${errorCount} fields need your attention.`}
        </ErrorMessage>
      ) : null}
      <TextField
        label={labels.title}
        required
        maxLength={200}
        value={values.title}
        onChange={set('title')}
        error={errors.title}
      />
      <TextArea
        label={labels.description}
        rows={5}
        value={values.description}
        onChange={set('description')}
        error={errors.description}
        hint="What the role is about. Clients see it once the job is shared."
      />
      <div className="field-row">
        <SelectField
          label={labels.organizationId}
          required
          value={values.organizationId}
          onChange={(e) => {
            const organizationId = e.target.value;
            setValues((v) => ({ ...v, organizationId, primaryContactId: '' }));
          }}
          error={errors.organizationId}
          hint={
            organizations.isError ? (
              'The organizations could not be loaded.'
            ) : organizations.data?.length === 0 ? (
              <>
                There are no organizations yet: <Link href="/organizations">create one</Link> first.
              </>
            ) : undefined
          }
        >
          <option value="">{organizations.data ? 'Choose an organization' : 'Loading…'}</option>
          {organizations.data?.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={labels.primaryContactId}
          optional
          value={values.primaryContactId}
          onChange={set('primaryContactId')}
          error={errors.primaryContactId}
          disabled={!values.organizationId}
          hint="A contact of this organization. Sharing to the Client Portal needs one."
        >
          <option value="">No primary contact</option>
          {contacts.data?.map((c) => (
            <option key={c.id} value={c.id}>
              {contactName(c)}
            </option>
          ))}
        </SelectField>
      </div>
      {moving ? (
        <p className="notice notice-info">
          Changing the organization takes this job out of the Client Portal: the current organization no
          longer sees it. Share it again afterwards if the new organization should see it.
        </p>
      ) : null}
      <div className="field-row">
        <TextField
          label={labels.location}
          optional
          maxLength={200}
          value={values.location}
          onChange={set('location')}
          error={errors.location}
          hint="City, office or “Remote”."
        />
        {job ? (
          <SelectField
            label={labels.status}
            value={values.status}
            onChange={(e) =>
              setValues((v) => ({ ...v, status: e.target.value === 'closed' ? 'closed' : 'open' }))
            }
            error={errors.status}
          >
            <option value="open">Open</option>
            <option value="closed">Closed</option>
          </SelectField>
        ) : null}
      </div>
      <StageChoices
        legend={labels.clientAllowedStages}
        value={values.clientAllowedStages}
        onChange={(clientAllowedStages) => setValues((v) => ({ ...v, clientAllowedStages }))}
        error={errors.clientAllowedStages}
      />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {job ? 'Save changes' : 'Create job'}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
