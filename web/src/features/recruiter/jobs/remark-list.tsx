import { Badge } from '../../../components/ui/feedback.tsx';
import { formatDateTime, stageLabels } from '../../../lib/format.ts';
import type { Remark } from './job-queries.ts';

/** Every move and remark, oldest first: who wrote it, and whether the client sees it (B12). */
export function RemarkList({ remarks }: { remarks: Remark[] }) {
  if (remarks.length === 0) return <p className="hint">No remarks yet.</p>;
  return (
    <details className="history" open>
      <summary>History and remarks ({remarks.length})</summary>
      <ol className="timeline">
        {remarks.map((r, i) => (
          <li key={`${r.at}-${i}`}>
            <p className="timeline-head">
              <strong>{r.by.name}</strong>
              {r.by.type === 'client' ? ' (client)' : ' (recruiter)'}
              {' · '}
              <time dateTime={r.at}>{formatDateTime(r.at)}</time>{' '}
              {r.visibility === 'client' ? (
                <Badge tone="info">Visible to the client</Badge>
              ) : (
                <Badge tone="neutral">Internal</Badge>
              )}
            </p>
            {r.stageFrom && r.stageTo ? (
              <p>
                Moved from {stageLabels[r.stageFrom]} to {stageLabels[r.stageTo]}
              </p>
            ) : null}
            {r.text ? <p className="prose">{r.text}</p> : null}
          </li>
        ))}
      </ol>
    </details>
  );
}
