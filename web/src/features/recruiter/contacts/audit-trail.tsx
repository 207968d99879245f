import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { EmptyState, ErrorMessage, Loading } from '../../../components/ui/feedback.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { type ContactPortal, contactAuditQuery } from '../queries.ts';
import { auditWords } from './portal-words.ts';

/**
 * B21: every access change of the contact, newest first, with its cause in words. Access ends at
 * once but its audit entry is written by an event handler a moment later: while the contact reads
 * deactivated and the newest entry does not say so yet, the trail asks again every two seconds (for a minute at most).
 */
export function AuditTrail({
  contactId,
  status,
  lastEmailAt,
}: {
  contactId: string;
  status?: ContactPortal['status'];
  /** When SES last reported on an e-mail: a new report is a new entry here too. */
  lastEmailAt?: string;
}) {
  const audit = useQuery({
    ...contactAuditQuery(contactId),
    refetchInterval: (query) =>
      status === 'deactivated' &&
      query.state.data?.[0]?.type !== 'deactivated' &&
      query.state.dataUpdateCount < 30
        ? 2_000
        : false,
  });
  const { refetch } = audit;
  useEffect(() => {
    if (lastEmailAt) void refetch();
  }, [lastEmailAt, refetch]);
  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">Client Portal history</h2>
      {audit.isPending ? <Loading label="Loading the history…" /> : null}
      {audit.isError ? (
        <ErrorMessage title="The history could not be loaded">{audit.error.message}</ErrorMessage>
      ) : null}
      {audit.data?.length === 0 ? (
        <EmptyState title="Nothing yet">
          Invitations, sign-ups, logins and ended access appear here.
        </EmptyState>
      ) : null}
      {audit.data?.length ? (
        <ol className="timeline" aria-label="Client Portal history, newest first">
          {audit.data.map((entry) => {
            const { what, who } = auditWords(entry);
            return (
              <li key={entry.id}>
                <p className="timeline-head">
                  <time dateTime={entry.at}>{formatDateTime(entry.at)}</time> · {who}
                </p>
                <p>{what}</p>
              </li>
            );
          })}
        </ol>
      ) : null}
    </section>
  );
}
