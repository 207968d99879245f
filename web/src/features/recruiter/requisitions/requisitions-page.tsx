import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { EmptyState, ErrorMessage, Loading, StatusMessage } from '../../../components/ui/feedback.tsx';
import { SelectField } from '../../../components/ui/field.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { useSearchParam } from '../../../lib/search-params.ts';
import { crmKeys, organizationsQuery } from '../queries.ts';
import { RequisitionCard } from './requisition-card.tsx';
import { type Requisition, requisitionsQuery, type RequisitionStatus } from './requisition-queries.ts';

const filters: { value: RequisitionStatus | ''; label: string }[] = [
  { value: '', label: 'All, pending first' },
  { value: 'pending', label: 'Pending review' },
  { value: 'approved', label: 'Approved' },
  { value: 'rejected', label: 'Rejected' },
  { value: 'withdrawn', label: 'Withdrawn' },
];
const asStatus = (s: string | null): RequisitionStatus | undefined =>
  filters.find((f) => f.value !== '' && f.value === s)?.value || undefined;

type News = { kind: 'approved' | 'rejected'; requisition: Requisition };

/** §6 / B14: the clients' requisitions, pending first; approve into a shared job, or reject with remarks. */
export default function RequisitionsPage() {
  const status = asStatus(useSearchParam('status'));
  const [, setLocation] = useLocation();
  const requisitions = useQuery(requisitionsQuery(status));
  const organizations = useQuery(organizationsQuery);
  const queryClient = useQueryClient();
  const [news, setNews] = useState<News>();
  const orgName = (id: string) => organizations.data?.find((o) => o.id === id)?.name ?? 'Organization';
  const onReviewed = (requisition: Requisition) =>
    setNews({ kind: requisition.status === 'approved' ? 'approved' : 'rejected', requisition });
  // The navigation's pending badge reads ['crm','requisitions','pending-count'], a job may have been created.
  const onSettled = () => {
    void queryClient.invalidateQueries({ queryKey: crmKeys.requisitions.all });
    void queryClient.invalidateQueries({ queryKey: crmKeys.jobs.list });
  };
  const pending = requisitions.data?.filter((r) => r.status === 'pending').length ?? 0;
  return (
    <Page title="Requisitions">
      <div className="cards">
        <p>
          Job requests from your clients in the Client Portal. Approving one creates the job and shares it.
        </p>
        <form className="form" onSubmit={(e) => e.preventDefault()} aria-label="Filter requisitions">
          <SelectField
            label="Show"
            value={status ?? ''}
            onChange={(e) => {
              setNews(undefined);
              setLocation(e.target.value ? `/requisitions?status=${e.target.value}` : '/requisitions');
            }}
          >
            {filters.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </SelectField>
        </form>
        {news ? (
          <StatusMessage title={news.kind === 'approved' ? 'Approved' : 'Rejected'}>
            {news.kind === 'approved' && news.requisition.jobId ? (
              <p>
                “{news.requisition.title}” is now a job, shared with{' '}
                {orgName(news.requisition.organizationId)}.{' '}
                <Link href={`/jobs/${news.requisition.jobId}`}>Open the job</Link>
              </p>
            ) : (
              <p>
                “{news.requisition.title}” was rejected. {news.requisition.submittedBy.name} is e-mailed your
                remarks.
              </p>
            )}
          </StatusMessage>
        ) : null}
        {requisitions.isError ? (
          <ErrorMessage title="The requisitions could not be loaded">
            {requisitions.error.message}
          </ErrorMessage>
        ) : !requisitions.data ? (
          <Loading label="Loading requisitions…" />
        ) : requisitions.data.length === 0 ? (
          <EmptyState
            title={
              status
                ? `No ${filters.find((f) => f.value === status)?.label.toLowerCase()} requisitions`
                : 'No requisitions yet'
            }
          >
            <p>When a client asks for a new hire in the Client Portal, the request appears here.</p>
          </EmptyState>
        ) : (
          <>
            <p aria-live="polite">
              {requisitions.data.length} shown
              {status === undefined || status === 'pending' ? `, ${pending} pending review` : ''}.
            </p>
            <ul className="cards" aria-label="Requisitions">
              {requisitions.data.map((r) => (
                <RequisitionCard
                  key={r.id}
                  requisition={r}
                  organizationName={orgName(r.organizationId)}
                  onReviewed={onReviewed}
                  onSettled={onSettled}
                />
              ))}
            </ul>
          </>
        )}
      </div>
    </Page>
  );
}
