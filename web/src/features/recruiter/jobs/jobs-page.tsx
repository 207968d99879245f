import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { Badge, EmptyState, ErrorMessage, Loading } from '../../../components/ui/feedback.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { formatDate } from '../../../lib/format.ts';
import { organizationsQuery } from '../queries.ts';
import { JobForm } from './job-form.tsx';
import { jobsQuery } from './job-queries.ts';

/** §4: every job of the account with its organization, status and whether clients see it. */
export default function JobsPage() {
  const jobs = useQuery(jobsQuery);
  const organizations = useQuery(organizationsQuery);
  const [creating, setCreating] = useState(false);
  const [, setLocation] = useLocation();
  const orgName = (id: string) => organizations.data?.find((o) => o.id === id)?.name ?? '…';
  return (
    <Page
      title="Jobs"
      actions={
        <button
          type="button"
          className="button button-primary"
          aria-expanded={creating}
          aria-controls="new-job"
          onClick={() => setCreating((c) => !c)}
        >
          New job
        </button>
      }
    >
      <div id="new-job">
        {creating ? (
          <section aria-labelledby="new-job-title" className="card">
            <h2 id="new-job-title">New job</h2>
            <JobForm onSaved={(job) => setLocation(`/jobs/${job.id}`)} onCancel={() => setCreating(false)} />
          </section>
        ) : null}
      </div>
      {jobs.isError ? (
        <ErrorMessage title="The jobs could not be loaded">{jobs.error.message}</ErrorMessage>
      ) : !jobs.data ? (
        <Loading label="Loading jobs…" />
      ) : jobs.data.length === 0 ? (
        <EmptyState title="No jobs yet">
          <p>
            Create a job with <strong>New job</strong>, or approve a client’s{' '}
            <Link href="/requisitions">requisition</Link>: it becomes a job shared with the client.
          </p>
        </EmptyState>
      ) : (
        <ul className="cards" aria-label="Jobs">
          {jobs.data.map((job) => (
            <li key={job.id} className="card-item">
              <h2 className="card-title">
                <Link href={`/jobs/${job.id}`}>{job.title}</Link>
              </h2>
              <p className="meta">
                <span>{orgName(job.organizationId)}</span>
                <Badge tone={job.status === 'open' ? 'good' : 'neutral'}>
                  {job.status === 'open' ? 'Open' : 'Closed'}
                </Badge>
                <Badge tone={job.sharedToPortal ? 'info' : 'neutral'}>
                  {job.sharedToPortal ? 'Shared to the Client Portal' : 'Not shared'}
                </Badge>
                <span>{job.location || 'Location not given'}</span>
                <span>Created {formatDate(job.createdAt)}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
