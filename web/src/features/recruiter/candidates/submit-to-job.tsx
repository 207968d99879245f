import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { ErrorMessage } from '../../../components/ui/feedback.tsx';
import { SelectField } from '../../../components/ui/field.tsx';
import { api, unwrap } from '../../../lib/api/client.ts';
import { jobsQuery } from '../jobs/job-queries.ts';
import { submissionRefusal } from '../jobs/submission-errors.ts';
import { crmKeys, organizationsQuery } from '../queries.ts';
import { type Candidate, candidateName } from './candidate-queries.ts';

/** Puts one candidate forward for a job (open jobs first), from the candidate's side. */
export function SubmitToJob({
  candidate,
  onDone,
  onCancel,
}: {
  candidate: Candidate;
  onDone(message: string, jobId: string): void;
  onCancel(): void;
}) {
  const jobs = useQuery(jobsQuery);
  const organizations = useQuery(organizationsQuery);
  const [jobId, setJobId] = useState('');
  const [error, setError] = useState<string>();
  const queryClient = useQueryClient();
  const name = candidateName(candidate);
  const submit = useMutation({
    mutationFn: (id: string) =>
      unwrap(
        api.POST('/crm/jobs/{jobId}/submissions', {
          params: { path: { jobId: id } },
          body: { candidateId: candidate.id },
        }),
      ),
    onSettled: (_data, _error, id) =>
      queryClient.invalidateQueries({ queryKey: crmKeys.jobs.submissions(id) }),
  });
  const orgName = (id: string) => organizations.data?.find((o) => o.id === id)?.name;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!jobId) return setError('Choose the job.');
    setError(undefined);
    const title = jobs.data?.find((j) => j.id === jobId)?.title ?? 'the job';
    submit.mutate(jobId, { onSuccess: () => onDone(`${name} was submitted to ${title}.`, jobId) });
  };
  if (jobs.data && jobs.data.length === 0)
    return (
      <p className="inline-form">
        There are no jobs yet. Create one on the <Link href="/jobs">Jobs</Link> page.
      </p>
    );
  return (
    <form className="form inline-form" onSubmit={onSubmit} noValidate aria-label={`Submit ${name} to a job`}>
      {jobs.isError ? (
        <ErrorMessage title="The jobs could not be loaded">{jobs.error.message}</ErrorMessage>
      ) : null}
      {submit.error ? (
        <ErrorMessage title="Not submitted">{submissionRefusal(submit.error)}</ErrorMessage>
      ) : null}
      <SelectField
        label="Job"
        required
        value={jobId}
        onChange={(e) => setJobId(e.target.value)}
        error={error}
      >
        <option value="">{jobs.data ? 'Choose a job' : 'Loading…'}</option>
        {jobs.data?.map((j) => (
          <option key={j.id} value={j.id}>
            {j.title}
            {orgName(j.organizationId) ? ` — ${orgName(j.organizationId)}` : ''}
            {j.status === 'closed' ? ' (closed)' : ''}
          </option>
        ))}
      </SelectField>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={submit.isPending}>
          Submit to job
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
