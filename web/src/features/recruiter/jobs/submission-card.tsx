import { useId, useState } from 'react';
import { Badge, StatusMessage } from '../../../components/ui/feedback.tsx';
import { formatDate, stageLabels } from '../../../lib/format.ts';
import type { Job, Submission } from './job-queries.ts';
import { RemarkList } from './remark-list.tsx';
import { SubmissionForm } from './submission-form.tsx';

type Panel = 'move' | 'remark' | null;

/** One candidate in the pipeline: stage, history, and the recruiter's move and remark (B12). */
export function SubmissionCard({
  job,
  submission,
  onMoved,
  onChange,
}: {
  job: Job;
  submission: Submission;
  /** A move takes the card to another stage's list: the pipeline tells the news. */
  onMoved(message: string): void;
  /** Another action starts: older news is stale. */
  onChange(): void;
}) {
  const [panel, setPanel] = useState<Panel>(null);
  const [done, setDone] = useState<string>();
  const nameId = useId();
  const panelId = useId();
  const name = submission.candidate.name;
  const toggle = (next: Panel) => {
    setDone(undefined);
    onChange();
    setPanel((p) => (p === next ? null : next));
  };
  return (
    <li className="card-item">
      <article aria-labelledby={nameId}>
        <h4 id={nameId} className="card-title">
          {name}
        </h4>
        {submission.candidate.headline ? <p className="headline">{submission.candidate.headline}</p> : null}
        <p className="meta">
          <Badge
            tone={submission.stage === 'rejected' ? 'bad' : submission.stage === 'hired' ? 'good' : 'info'}
          >
            {stageLabels[submission.stage]}
          </Badge>
          <span>Submitted {formatDate(submission.submittedAt)}</span>
        </p>
        <RemarkList remarks={submission.remarks} />
        {done ? <StatusMessage>{done}</StatusMessage> : null}
        <div className="button-row">
          <button
            type="button"
            className="button button-secondary"
            aria-expanded={panel === 'move'}
            aria-controls={panelId}
            onClick={() => toggle('move')}
          >
            Move candidate
          </button>
          <button
            type="button"
            className="button button-secondary"
            aria-expanded={panel === 'remark'}
            aria-controls={panelId}
            onClick={() => toggle('remark')}
          >
            Add a remark
          </button>
        </div>
        <div id={panelId}>
          {panel ? (
            <SubmissionForm
              key={panel}
              mode={panel}
              job={job}
              submission={submission}
              onDone={(message) => {
                setPanel(null);
                if (panel === 'move') onMoved(message);
                else setDone(message);
              }}
              onCancel={() => setPanel(null)}
            />
          ) : null}
        </div>
      </article>
    </li>
  );
}
