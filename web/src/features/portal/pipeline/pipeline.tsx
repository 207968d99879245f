import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { EmptyState, LoadError, Loading, StatusMessage } from '../../../components/ui/feedback.tsx';
import { stageLabels, stageOrder } from '../../../lib/format.ts';
import { pipelineQuery, type PortalJob } from '../queries.ts';
import { CandidateCard } from './candidate-card.tsx';

/** B11, B12: the candidates of a job, grouped by stage in pipeline order. */
export function Pipeline({ job }: { job: PortalJob }) {
  const pipeline = useQuery(pipelineQuery(job.id));
  // A move takes the card to another stage's section and a finished form is gone with its button:
  // the news, and the keyboard focus, wait here (the count tells one news from the next).
  const [news, setNews] = useState<{ text: string; count: number }>();
  const newsRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (news) newsRef.current?.focus();
  }, [news]);
  const announce = (text: string) => setNews((n) => ({ text, count: (n?.count ?? 0) + 1 }));
  return (
    <section aria-labelledby="pipeline-title" className="pipeline">
      <h2 id="pipeline-title">Candidate pipeline</h2>
      <div ref={newsRef} tabIndex={-1}>
        {news ? <StatusMessage>{news.text}</StatusMessage> : null}
      </div>
      {pipeline.isError ? (
        <LoadError
          title="The candidates could not be loaded"
          error={pipeline.error}
          retrying={pipeline.isFetching}
          onRetry={() => void pipeline.refetch()}
        />
      ) : !pipeline.data ? (
        <Loading label="Loading candidates…" />
      ) : pipeline.data.length === 0 ? (
        <EmptyState title="No candidates submitted yet">
          <p>
            Your recruiter has not put anyone forward for this job yet. Candidates appear here as soon as they
            are submitted.
          </p>
        </EmptyState>
      ) : (
        <>
          <p className="hint">
            You can move candidates to:{' '}
            {job.clientAllowedStages.map((s) => stageLabels[s]).join(', ') ||
              'no stage (your recruiter moves them)'}
            .
          </p>
          {stageOrder.map((stage) => {
            const here = pipeline.data.filter((s) => s.stage === stage);
            if (here.length === 0) return null;
            return (
              <section key={stage} aria-labelledby={`stage-${stage}`} className="stage">
                <h3 id={`stage-${stage}`}>
                  {stageLabels[stage]} <span className="count">({here.length})</span>
                </h3>
                <ul className="cards">
                  {here.map((submission) => (
                    <CandidateCard key={submission.id} job={job} submission={submission} onDone={announce} />
                  ))}
                </ul>
              </section>
            );
          })}
        </>
      )}
    </section>
  );
}
