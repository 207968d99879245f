import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { Badge, ErrorMessage, Loading, StatusMessage } from '../../../components/ui/feedback.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { ApiError } from '../../../lib/api/errors.ts';
import { formatDate, stageLabels } from '../../../lib/format.ts';
import { contactName, contactQuery, organizationsQuery } from '../queries.ts';
import { DeleteJob } from './delete-job.tsx';
import { JobForm } from './job-form.tsx';
import { jobQuery } from './job-queries.ts';
import { Pipeline } from './pipeline.tsx';
import { ShareControl } from './share-control.tsx';
import { SubmitCandidate } from './submit-candidate.tsx';

/** §4: one job — its facts, sharing, editing, deleting, and its pipeline with every remark. */
export default function JobPage() {
  const { jobId = '' } = useParams<{ jobId: string }>();
  const job = useQuery(jobQuery(jobId));
  const organizations = useQuery(organizationsQuery);
  const primary = useQuery({
    ...contactQuery(job.data?.primaryContactId ?? ''),
    enabled: Boolean(job.data?.primaryContactId),
  });
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const [, setLocation] = useLocation();

  if (job.isError)
    return (
      <Page title={job.error instanceof ApiError && job.error.status === 404 ? 'Job not found' : 'Job'}>
        <ErrorMessage title="The job could not be loaded">
          {job.error instanceof ApiError && job.error.status === 404
            ? 'This job does not exist (any more): someone may have deleted it.'
            : job.error.message}
        </ErrorMessage>
        <p>
          <Link href="/jobs">Back to the jobs</Link>
        </p>
      </Page>
    );
  if (!job.data) return <Loading label="Loading the job…" />;
  const j = job.data;
  const organizationName =
    organizations.data?.find((o) => o.id === j.organizationId)?.name ?? 'the organization';

  return (
    <Page
      title={j.title}
      actions={
        <>
          <button
            type="button"
            className="button button-secondary"
            aria-expanded={editing}
            aria-controls="edit-job"
            onClick={() => {
              setSaved(false);
              setEditing((e) => !e);
            }}
          >
            Edit job
          </button>
          <DeleteJob job={j} organizationName={organizationName} onDeleted={() => setLocation('/jobs')} />
        </>
      }
    >
      <p>
        <Link href="/jobs">← All jobs</Link>
      </p>
      <div className="cards">
        {saved ? <StatusMessage>Changes saved.</StatusMessage> : null}
        <div id="edit-job">
          {editing ? (
            <section aria-labelledby="edit-job-title" className="card">
              <h2 id="edit-job-title">Edit job</h2>
              <JobForm
                job={j}
                onSaved={() => {
                  setEditing(false);
                  setSaved(true);
                }}
                onCancel={() => setEditing(false)}
              />
            </section>
          ) : null}
        </div>
        <dl className="facts" aria-label="About this job">
          <div>
            <dt>Organization</dt>
            <dd>{organizationName}</dd>
          </div>
          <div>
            <dt>Primary contact</dt>
            <dd>
              {!j.primaryContactId ? (
                'None chosen'
              ) : primary.data ? (
                <Link href={`/contacts/${primary.data.id}`}>{contactName(primary.data)}</Link>
              ) : (
                '…'
              )}
            </dd>
          </div>
          <div>
            <dt>Location</dt>
            <dd>{j.location || 'Not given'}</dd>
          </div>
          <div>
            <dt>Status</dt>
            <dd>
              <Badge tone={j.status === 'open' ? 'good' : 'neutral'}>
                {j.status === 'open' ? 'Open' : 'Closed'}
              </Badge>
            </dd>
          </div>
          <div>
            <dt>Clients may move candidates into</dt>
            <dd>{j.clientAllowedStages.map((s) => stageLabels[s]).join(', ') || 'No stage'}</dd>
          </div>
          <div>
            <dt>Created</dt>
            <dd>
              {formatDate(j.createdAt)}
              {j.requisitionId ? (
                <>
                  {' '}
                  from a <Link href="/requisitions">client requisition</Link>
                </>
              ) : null}
            </dd>
          </div>
        </dl>
        {j.description ? <p className="prose">{j.description}</p> : null}
        <ShareControl job={j} organizationName={organizationName} />
        <Pipeline job={j} />
        <SubmitCandidate job={j} />
      </div>
    </Page>
  );
}
