import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import {
  Badge,
  EmptyState,
  ErrorMessage,
  LoadError,
  Loading,
  StatusMessage,
} from '../../../components/ui/feedback.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { api, unwrap } from '../../../lib/api/client.ts';
import { employmentTypeLabels, formatDate } from '../../../lib/format.ts';
import { meQuery, portalKeys, type PortalRequisition, requisitionsQuery } from '../queries.ts';

const statusBadge = {
  pending: { tone: 'warn', text: 'Pending review' },
  approved: { tone: 'good', text: 'Approved' },
  rejected: { tone: 'bad', text: 'Rejected' },
  withdrawn: { tone: 'neutral', text: 'Withdrawn' },
} as const;

/** B13, B14: the organization's requisitions with their status. */
export default function RequisitionsPage() {
  const list = useQuery(requisitionsQuery);
  const me = useQuery(meQuery);
  const [withdrawing, setWithdrawing] = useState<PortalRequisition>();
  const [notice, setNotice] = useState<string>();
  const queryClient = useQueryClient();
  const withdraw = useMutation({
    mutationFn: (r: PortalRequisition) =>
      unwrap(api.POST('/portal/requisitions/{reqId}/withdraw', { params: { path: { reqId: r.id } } })),
    onSuccess: (r) => {
      setWithdrawing(undefined);
      setNotice(`“${r.title}” was withdrawn.`);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: portalKeys.requisitions }),
  });

  return (
    <Page
      title="Requisitions"
      actions={
        <Link href="/requisitions/new" className="button button-primary">
          New requisition
        </Link>
      }
    >
      <p>
        Ask {me.data?.agency.name ?? 'your recruiting agency'} to fill a new position. Your recruiter reviews
        each requisition; approved ones become jobs you can follow here.
      </p>
      {notice ? <StatusMessage>{notice}</StatusMessage> : null}
      {withdraw.error && !withdrawing ? (
        <ErrorMessage title="Not withdrawn">{withdraw.error.message}</ErrorMessage>
      ) : null}
      {list.isError ? (
        <LoadError
          title="The requisitions could not be loaded"
          error={list.error}
          retrying={list.isFetching}
          onRetry={() => void list.refetch()}
        />
      ) : !list.data ? (
        <Loading label="Loading requisitions…" />
      ) : list.data.length === 0 ? (
        <EmptyState title={`No requisitions from ${me.data?.organization.name ?? 'your organization'} yet`}>
          <p>Submit one with New requisition when you need someone.</p>
        </EmptyState>
      ) : (
        <ul className="cards" aria-label="Requisitions">
          {list.data.map((r) => (
            <li key={r.id} className="card-item">
              <article aria-labelledby={`req-${r.id}`}>
                <h2 className="card-title" id={`req-${r.id}`}>
                  {r.title}
                </h2>
                <p className="meta">
                  <Badge tone={statusBadge[r.status].tone}>{statusBadge[r.status].text}</Badge>
                  <span>{employmentTypeLabels[r.employmentType]}</span>
                  <span>
                    {r.openings} {r.openings === 1 ? 'opening' : 'openings'}
                  </span>
                  <span>{r.location || 'Location not given'}</span>
                  <span>
                    Submitted {formatDate(r.createdAt)} by {r.submittedBy.name}
                  </span>
                </p>
                {r.status === 'rejected' && r.reviewRemarks ? (
                  <div className="review">
                    <p className="notice-title">Review remarks</p>
                    <p className="prose">{r.reviewRemarks}</p>
                  </div>
                ) : null}
                {r.status === 'approved' && r.jobId ? (
                  <p>
                    <Link href={`/jobs/${r.jobId}`}>View the job “{r.title}”</Link>
                  </p>
                ) : null}
                {r.status === 'pending' ? (
                  <div className="button-row">
                    <Link
                      href={`/requisitions/${r.id}/edit`}
                      className="button button-secondary"
                      aria-label={`Edit ${r.title}`}
                    >
                      Edit
                    </Link>
                    <button
                      type="button"
                      className="button button-secondary"
                      aria-label={`Withdraw ${r.title}`}
                      onClick={() => {
                        withdraw.reset();
                        setWithdrawing(r);
                      }}
                    >
                      Withdraw
                    </button>
                  </div>
                ) : null}
              </article>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={withdrawing !== undefined}
        title="Withdraw this requisition?"
        confirmLabel="Withdraw requisition"
        cancelLabel="Keep it"
        busy={withdraw.isPending}
        onConfirm={() => withdrawing && withdraw.mutate(withdrawing)}
        onCancel={() => setWithdrawing(undefined)}
      >
        <p>
          “{withdrawing?.title}” will no longer be reviewed. This cannot be undone; you can submit a new
          requisition later.
        </p>
        {withdraw.error ? <ErrorMessage>{withdraw.error.message}</ErrorMessage> : null}
      </ConfirmDialog>
    </Page>
  );
}
