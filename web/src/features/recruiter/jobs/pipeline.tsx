import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { EmptyState, ErrorMessage, Loading, StatusMessage } from '../../../components/ui/feedback.tsx';
import { stageLabels, stageOrder } from '../../../lib/format.ts';
import { type Job, submissionsQuery } from './job-queries.ts';
import { SubmissionCard } from './submission-card.tsx';

/** B12: the job's candidates by stage in pipeline order, each with every remark. */
export function Pipeline({ job }: { job: Job }) {
  const pipeline = useQuery(submissionsQuery(job.id));
  // A moved candidate's card changes section (its button is gone): the news, and focus, go here.
  const [moved, setMoved] = useState<string>();
  const news = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (moved) news.current?.focus();
  }, [moved]);
  return (
    <section aria-labelledby="pipeline-title" className="pipeline">
      <h2 id="pipeline-title">Candidate pipeline</h2>
      <div ref={news} tabIndex={-1}>
        {moved ? <StatusMessage>{moved}</StatusMessage> : null}
      </div>
      {pipeline.isError ? (
        <ErrorMessage title="The pipeline could not be loaded">{pipeline.error.message}</ErrorMessage>
      ) : !pipeline.data ? (
        <Loading label="Loading candidates…" />
      ) : pipeline.data.length === 0 ? (
        <EmptyState title="No candidates submitted yet">
          <p>Submit a candidate below; they start in the stage Submitted.</p>
        </EmptyState>
      ) : (
        stageOrder.map((stage) => {
          const here = pipeline.data.filter((s) => s.stage === stage);
          if (here.length === 0) return null;
          return (
            <section key={stage} aria-labelledby={`stage-${stage}`} className="stage">
              <h3 id={`stage-${stage}`}>
                {stageLabels[stage]} <span className="count">({here.length})</span>
              </h3>
              <ul className="cards">
                {here.map((submission) => (
                  <SubmissionCard
                    key={submission.id}
                    job={job}
                    submission={submission}
                    onMoved={setMoved}
                    onChange={() => setMoved(undefined)}
                  />
                ))}
              </ul>
            </section>
          );
        })
      )}
    </section>
  );
}
