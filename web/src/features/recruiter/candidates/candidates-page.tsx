import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { EmptyState, ErrorMessage, Loading, StatusMessage } from '../../../components/ui/feedback.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { CandidateCard } from './candidate-card.tsx';
import { CandidateForm } from './candidate-form.tsx';
import { candidateName, candidatesQuery } from './candidate-queries.ts';

/** §5: the agency's candidates — create, submit to a job, delete. */
export default function CandidatesPage() {
  const candidates = useQuery(candidatesQuery);
  const [creating, setCreating] = useState(false);
  const [news, setNews] = useState<string>();
  return (
    <Page
      title="Candidates"
      actions={
        <button
          type="button"
          className="button button-primary"
          aria-expanded={creating}
          aria-controls="new-candidate"
          onClick={() => {
            setNews(undefined);
            setCreating((c) => !c);
          }}
        >
          New candidate
        </button>
      }
    >
      <div className="cards">
        {news ? <StatusMessage>{news}</StatusMessage> : null}
        <div id="new-candidate">
          {creating ? (
            <section aria-labelledby="new-candidate-title" className="card">
              <h2 id="new-candidate-title">New candidate</h2>
              <CandidateForm
                onSaved={(c) => {
                  setCreating(false);
                  setNews(`${candidateName(c)} was added. Submit them to a job from their card below.`);
                }}
                onCancel={() => setCreating(false)}
              />
            </section>
          ) : null}
        </div>
        {candidates.isError ? (
          <ErrorMessage title="The candidates could not be loaded">{candidates.error.message}</ErrorMessage>
        ) : !candidates.data ? (
          <Loading label="Loading candidates…" />
        ) : candidates.data.length === 0 ? (
          <EmptyState title="No candidates yet">
            <p>
              Add the people you put forward with <strong>New candidate</strong>, then submit them to a job.
            </p>
          </EmptyState>
        ) : (
          <ul className="cards" aria-label="Candidates">
            {candidates.data.map((c) => (
              <CandidateCard key={c.id} candidate={c} onDeleted={setNews} />
            ))}
          </ul>
        )}
      </div>
    </Page>
  );
}
