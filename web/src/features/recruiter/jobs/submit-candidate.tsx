import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { ErrorMessage, StatusMessage } from '../../../components/ui/feedback.tsx';
import { SelectField } from '../../../components/ui/field.tsx';
import { api, unwrap } from '../../../lib/api/client.ts';
import { candidateName, candidatesQuery } from '../candidates/candidate-queries.ts';
import { crmKeys } from '../queries.ts';
import { submissionRefusal } from './submission-errors.ts';
import { type Job, submissionsQuery } from './job-queries.ts';

/** Puts a candidate forward for this job: a picker of the candidates not in its pipeline yet. */
export function SubmitCandidate({ job }: { job: Job }) {
  const candidates = useQuery(candidatesQuery);
  const pipeline = useQuery(submissionsQuery(job.id));
  const [candidateId, setCandidateId] = useState('');
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const queryClient = useQueryClient();
  const submit = useMutation({
    mutationFn: (id: string) =>
      unwrap(
        api.POST('/crm/jobs/{jobId}/submissions', {
          params: { path: { jobId: job.id } },
          body: { candidateId: id },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: crmKeys.jobs.submissions(job.id) }),
  });
  const inPipeline = new Set(pipeline.data?.map((s) => s.candidateId));
  const available = candidates.data?.filter((c) => !inPipeline.has(c.id)) ?? [];
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setDone(undefined);
    if (!candidateId) return setError('Choose the candidate to submit.');
    setError(undefined);
    const chosen = candidates.data?.find((c) => c.id === candidateId);
    submit.mutate(candidateId, {
      onSuccess: () => {
        setCandidateId('');
        setDone(`${chosen ? candidateName(chosen) : 'The candidate'} was submitted to this job.`);
      },
    });
  };
  return (
    <section aria-labelledby="submit-title" className="card">
      <h2 id="submit-title">Submit a candidate</h2>
      {candidates.isError ? (
        <ErrorMessage title="The candidates could not be loaded">{candidates.error.message}</ErrorMessage>
      ) : null}
      {submit.error ? (
        <ErrorMessage title="Not submitted">{submissionRefusal(submit.error)}</ErrorMessage>
      ) : null}
      {done ? <StatusMessage>{done}</StatusMessage> : null}
      {candidates.data && candidates.data.length === 0 ? (
        <p>
          There are no candidates yet. Add one on the <Link href="/candidates">Candidates</Link> page.
        </p>
      ) : (
        <form className="form" onSubmit={onSubmit} noValidate aria-label="Submit a candidate to this job">
          <SelectField
            label="Candidate"
            value={candidateId}
            onChange={(e) => setCandidateId(e.target.value)}
            error={error}
            hint={
              candidates.data && available.length === 0
                ? 'Every candidate is already in this pipeline.'
                : 'Candidates already in this pipeline are not listed.'
            }
          >
            <option value="">{candidates.data ? 'Choose a candidate' : 'Loading…'}</option>
            {available.map((c) => (
              <option key={c.id} value={c.id}>
                {candidateName(c)}
                {c.headline ? ` — ${c.headline}` : ''}
              </option>
            ))}
          </SelectField>
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={submit.isPending}>
              Submit candidate
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
