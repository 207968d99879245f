import { formatDateTime, stageLabels } from '../../../lib/format.ts';
import type { PortalSubmission } from '../queries.ts';

/** Every move and remark, oldest first, as the SPEC keeps them (B12). */
export function RemarkHistory({ remarks }: { remarks: PortalSubmission['remarks'] }) {
  if (remarks.length === 0) return <p className="hint">No remarks yet.</p>;
  return (
    <details className="history">
      <summary>History and remarks ({remarks.length})</summary>
      <ol className="timeline">
        {remarks.map((r, i) => (
          <li key={`${r.at}-${i}`}>
            <p className="timeline-head">
              <strong>{r.by.name}</strong>
              {r.by.type === 'recruiter' ? ' (recruiter)' : ''}
              {' · '}
              <time dateTime={r.at}>{formatDateTime(r.at)}</time>
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
