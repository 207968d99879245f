import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { Badge, EmptyState, LoadError, Loading } from '../../../components/ui/feedback.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { formatDate } from '../../../lib/format.ts';
import { jobsQuery, meQuery } from '../queries.ts';

/** B11: the organization's shared jobs, open ones first. */
export default function JobsPage() {
  const jobs = useQuery(jobsQuery);
  const me = useQuery(meQuery);
  const org = me.data?.organization.name ?? 'your organization';
  const agency = me.data?.agency.name ?? 'your recruiting agency';
  return (
    <Page title="Jobs">
      {jobs.isError ? (
        <LoadError
          title="The jobs could not be loaded"
          error={jobs.error}
          retrying={jobs.isFetching}
          onRetry={() => void jobs.refetch()}
        />
      ) : !jobs.data ? (
        <Loading label="Loading jobs…" />
      ) : jobs.data.length === 0 ? (
        <EmptyState title={`No jobs shared with ${org} yet`}>
          <p>
            When {agency} shares a job with you, it appears here with its candidates. To ask for a new hire,
            submit a <Link href="/requisitions/new">job requisition</Link>.
          </p>
        </EmptyState>
      ) : (
        <ul className="cards" aria-label="Shared jobs">
          {[...jobs.data]
            .sort((a, b) =>
              a.status === b.status ? b.createdAt.localeCompare(a.createdAt) : a.status === 'open' ? -1 : 1,
            )
            .map((job) => (
              <li key={job.id} className="card-item">
                <h2 className="card-title">
                  <Link href={`/jobs/${job.id}`}>{job.title}</Link>
                </h2>
                <p className="meta">
                  <Badge tone={job.status === 'open' ? 'good' : 'neutral'}>
                    {job.status === 'open' ? 'Open' : 'Closed'}
                  </Badge>
                  <span>{job.location || 'Location not given'}</span>
                  {/* The portal job view has no share date: createdAt is when the recruiter created the job. */}
                  <span>Created {formatDate(job.createdAt)}</span>
                </p>
              </li>
            ))}
        </ul>
      )}
    </Page>
  );
}
