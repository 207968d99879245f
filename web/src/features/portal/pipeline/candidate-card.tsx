import { useId, useRef, useState } from 'react';
import { Badge } from '../../../components/ui/feedback.tsx';
import { formatDate } from '../../../lib/format.ts';
import { stageLabels } from '../../../lib/format.ts';
import type { PortalJob, PortalSubmission } from '../queries.ts';
import { MoveForm, RemarkForm } from './candidate-actions.tsx';
import { RemarkHistory } from './remark-history.tsx';

type Panel = 'move' | 'remark' | null;

export function CandidateCard({
  job,
  submission,
  onDone,
}: {
  job: PortalJob;
  submission: PortalSubmission;
  /** Announced by the pipeline: a moved card changes stage section, so it cannot say it itself. */
  onDone(message: string): void;
}) {
  const [panel, setPanel] = useState<Panel>(null);
  const nameId = useId();
  const panelId = useId();
  const targets = job.clientAllowedStages.filter((s) => s !== submission.stage);
  const moveButton = useRef<HTMLButtonElement>(null);
  const remarkButton = useRef<HTMLButtonElement>(null);
  const toggle = (next: Panel) => setPanel((p) => (p === next ? null : next));
  const finished = (message: string) => {
    setPanel(null);
    onDone(message);
  };
  /** Cancel closes the form: focus goes back to the button that opened it, not to the page's start. */
  const cancelled = () => {
    (panel === 'move' ? moveButton : remarkButton).current?.focus();
    setPanel(null);
  };
  return (
    <li className="card-item">
      <article aria-labelledby={nameId}>
        <h4 id={nameId} className="card-title">
          {submission.candidate.name}
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
        {submission.candidate.summary ? <p className="prose">{submission.candidate.summary}</p> : null}
        <RemarkHistory remarks={submission.remarks} />
        <div className="button-row">
          {targets.length > 0 ? (
            <button
              ref={moveButton}
              type="button"
              className="button button-secondary"
              aria-expanded={panel === 'move'}
              aria-controls={panelId}
              onClick={() => toggle('move')}
            >
              Move candidate
            </button>
          ) : null}
          <button
            ref={remarkButton}
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
          {panel === 'move' ? (
            <MoveForm
              job={job}
              submission={submission}
              targets={targets}
              onDone={finished}
              onCancel={cancelled}
            />
          ) : panel === 'remark' ? (
            <RemarkForm job={job} submission={submission} onDone={finished} onCancel={cancelled} />
          ) : null}
        </div>
      </article>
    </li>
  );
}
