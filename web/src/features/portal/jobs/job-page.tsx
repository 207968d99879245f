import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'wouter';
import { Badge, ErrorMessage, LoadError, Loading } from '../../../components/ui/feedback.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { ApiError } from '../../../lib/api/errors.ts';
import { jobQuery } from '../queries.ts';
import { Pipeline } from '../pipeline/pipeline.tsx';

/** B11: a shared job's details and its candidate pipeline. */
export default function JobPage() {
  const { jobId = '' } = useParams<{ jobId: string }>();
  const job = useQuery(jobQuery(jobId));
  if (job.isError) {
    const gone = job.error instanceof ApiError && job.error.status === 404;
    return (
      <Page title={gone ? 'Job not available' : 'Job not loaded'}>
        {gone ? (
          <ErrorMessage>
            This job is not shared with your organization (any more). It may have been closed or removed.
          </ErrorMessage>
        ) : (
          <LoadError
            title="The job could not be loaded"
            error={job.error}
            retrying={job.isFetching}
            onRetry={() => void job.refetch()}
          />
        )}
        <p>
          <Link href="/jobs">Back to all jobs</Link>
        </p>
      </Page>
    );
  }
  if (!job.data) return <Loading label="Loading the job…" />;
  const j = job.data;
  return (
    <Page title={j.title}>
      <p>
        <Link href="/jobs">← All jobs</Link>
      </p>
      <p className="meta">
        <Badge tone={j.status === 'open' ? 'good' : 'neutral'}>
          {j.status === 'open' ? 'Open' : 'Closed'}
        </Badge>
        <span>{j.location || 'Location not given'}</span>
      </p>
      <section aria-labelledby="job-description">
        <h2 id="job-description">Description</h2>
        <p className="prose">{j.description || 'No description yet.'}</p>
      </section>
      <Pipeline job={j} />
    </Page>
  );
}
