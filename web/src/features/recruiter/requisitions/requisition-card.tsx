import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'wouter';
import { Badge, ErrorMessage } from '../../../components/ui/feedback.tsx';
import { api, unwrap } from '../../../lib/api/client.ts';
import { employmentTypeLabels, formatDate } from '../../../lib/format.ts';
import { RejectForm } from './reject-form.tsx';
import { reviewRefusal } from './requisition-errors.ts';
import type { Requisition } from './requisition-queries.ts';

const statusBadge = {
  pending: { tone: 'warn', label: 'Pending review' },
  approved: { tone: 'good', label: 'Approved' },
  rejected: { tone: 'bad', label: 'Rejected' },
  withdrawn: { tone: 'neutral', label: 'Withdrawn' },
} as const;

function salary(r: Requisition): string {
  if (r.salaryMin === null && r.salaryMax === null) return 'Not given';
  const money = (n: number) =>
    new Intl.NumberFormat(
      'en-GB',
      r.currency ? { style: 'currency', currency: r.currency, maximumFractionDigits: 0 } : {},
    ).format(n);
  if (r.salaryMin !== null && r.salaryMax !== null) return `${money(r.salaryMin)} – ${money(r.salaryMax)}`;
  return r.salaryMin !== null ? `From ${money(r.salaryMin)}` : `Up to ${money(r.salaryMax ?? 0)}`;
}

/** One requisition: the request in full, and Approve / Reject while it is pending (B14). */
export function RequisitionCard({
  requisition: r,
  organizationName,
  onReviewed,
  onSettled,
}: {
  requisition: Requisition;
  organizationName: string;
  onReviewed(r: Requisition): void;
  onSettled(): void;
}) {
  const [rejecting, setRejecting] = useState(false);
  const titleId = useId();
  const panelId = useId();
  const approve = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/crm/requisitions/{reqId}/approve', { params: { path: { reqId: r.id } } })),
    onSuccess: onReviewed,
    onSettled,
  });
  const badge = statusBadge[r.status];
  return (
    <li className="card-item">
      <article aria-labelledby={titleId}>
        <h2 id={titleId} className="card-title">
          {r.title}
        </h2>
        <p className="meta">
          <Badge tone={badge.tone}>{badge.label}</Badge>
          <span>{organizationName}</span>
          <span>
            From {r.submittedBy.name} ({r.submittedBy.email})
          </span>
          <span>Sent {formatDate(r.createdAt)}</span>
        </p>
        <dl className="facts">
          <div>
            <dt>Employment type</dt>
            <dd>{employmentTypeLabels[r.employmentType]}</dd>
          </div>
          <div>
            <dt>Openings</dt>
            <dd>{r.openings}</dd>
          </div>
          <div>
            <dt>Location</dt>
            <dd>{r.location || 'Not given'}</dd>
          </div>
          <div>
            <dt>Salary range</dt>
            <dd>{salary(r)}</dd>
          </div>
        </dl>
        <details className="history">
          <summary>Description and qualifications</summary>
          <h3>Description</h3>
          <p className="prose">{r.description || 'None given.'}</p>
          <h3>Qualifications</h3>
          <p className="prose">{r.qualifications || 'None given.'}</p>
        </details>
        {r.status === 'approved' && r.jobId ? (
          <p>
            Became the job <Link href={`/jobs/${r.jobId}`}>{r.title}</Link>
            {r.reviewedAt ? `, approved ${formatDate(r.reviewedAt)}` : ''}.
          </p>
        ) : null}
        {r.status === 'rejected' ? (
          <div className="review">
            <p>
              <strong>Review remarks</strong>
              {r.reviewedAt ? ` (${formatDate(r.reviewedAt)})` : ''}
            </p>
            <p className="prose">{r.reviewRemarks}</p>
          </div>
        ) : null}
        {r.status === 'withdrawn' ? <p>The client withdrew this request.</p> : null}
        {r.status === 'pending' ? (
          <>
            {approve.error ? (
              <ErrorMessage title="Not approved">{reviewRefusal(approve.error)}</ErrorMessage>
            ) : null}
            <div className="button-row">
              <button
                type="button"
                className="button button-primary"
                disabled={approve.isPending}
                onClick={() => approve.mutate()}
              >
                Approve
              </button>
              <button
                type="button"
                className="button button-secondary"
                aria-expanded={rejecting}
                aria-controls={panelId}
                onClick={() => setRejecting((x) => !x)}
              >
                Reject
              </button>
            </div>
            <div id={panelId}>
              {rejecting ? (
                <RejectForm
                  requisition={r}
                  onDone={onReviewed}
                  onCancel={() => setRejecting(false)}
                  onSettled={onSettled}
                />
              ) : null}
            </div>
          </>
        ) : null}
      </article>
    </li>
  );
}
