import { useId, useState } from 'react';
import { Link } from 'wouter';
import { StatusMessage } from '../../../components/ui/feedback.tsx';
import { type Candidate, candidateName } from './candidate-queries.ts';
import { DeleteCandidate } from './delete-candidate.tsx';
import { SubmitToJob } from './submit-to-job.tsx';

/** One candidate: who they are, how to reach them (recruiters only), submit to a job, delete. */
export function CandidateCard({
  candidate,
  onDeleted,
}: {
  candidate: Candidate;
  onDeleted(message: string): void;
}) {
  const [submitting, setSubmitting] = useState(false);
  const [done, setDone] = useState<{ message: string; jobId: string }>();
  const nameId = useId();
  const panelId = useId();
  const name = candidateName(candidate);
  return (
    <li className="card-item">
      <article aria-labelledby={nameId}>
        <h2 id={nameId} className="card-title">
          {name}
        </h2>
        {candidate.headline ? <p className="headline">{candidate.headline}</p> : null}
        <p className="meta">
          <span>{candidate.email ?? 'No e-mail'}</span>
          <span>{candidate.phone ?? 'No phone'}</span>
        </p>
        {candidate.summary ? <p className="prose">{candidate.summary}</p> : null}
        {done ? (
          <StatusMessage>
            {done.message} <Link href={`/jobs/${done.jobId}`}>Open the job</Link>
          </StatusMessage>
        ) : null}
        <div className="button-row">
          <button
            type="button"
            className="button button-secondary"
            aria-expanded={submitting}
            aria-controls={panelId}
            onClick={() => {
              setDone(undefined);
              setSubmitting((s) => !s);
            }}
          >
            Submit to a job
          </button>
          <DeleteCandidate candidate={candidate} onDeleted={onDeleted} />
        </div>
        <div id={panelId}>
          {submitting ? (
            <SubmitToJob
              candidate={candidate}
              onDone={(message, jobId) => {
                setSubmitting(false);
                setDone({ message, jobId });
              }}
              onCancel={() => setSubmitting(false)}
            />
          ) : null}
        </div>
      </article>
    </li>
  );
}
