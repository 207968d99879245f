import type { JobRecord } from '../data/jobs.ts';
import { getJob } from '../data/jobs.ts';
import type { PageRequest } from '../data/paging.ts';
import { listSharedJobs } from '../data/portal-jobs.ts';
import { getJobAndSubmission, listSubmissions, type Remark } from '../data/submissions.ts';
import type { Stage } from '../api/schemas/common.ts';
import { notFound, refused } from './errors.ts';
import { withFreshRead } from './optimistic.ts';
import { appendEntry } from './submission-history.ts';
import type { PortalCaller } from './portal-session.ts';
import { portalJobView, portalSubmissionView } from './portal-views.ts';

/** Shared with the caller's organization — anything else is "not found", whoever owns it (B10). */
const visibleTo = (caller: PortalCaller, job: JobRecord | undefined): job is JobRecord =>
  job !== undefined && job.sharedToPortal && job.organizationId === caller.organizationId;

export async function listJobsFor(caller: PortalCaller, page: PageRequest) {
  const result = await listSharedJobs(caller.accountId, caller.organizationId, page);
  return { items: result.items.map(portalJobView), nextCursor: result.nextCursor };
}

export async function readJobFor(caller: PortalCaller, jobId: string) {
  const job = await getJob(caller.accountId, jobId);
  if (!visibleTo(caller, job)) throw notFound('The job');
  return portalJobView(job);
}

/** B11: the pipeline in one Query (job item first, then its submissions). */
export async function pipelineFor(caller: PortalCaller, jobId: string, page: PageRequest) {
  // A later page starts after the job item, so the job is read beside it: still shared, still ours?
  const [result, laterPageJob] = await Promise.all([
    listSubmissions(caller.accountId, jobId, page),
    page.cursor ? getJob(caller.accountId, jobId) : undefined,
  ]);
  if (!visibleTo(caller, result.job ?? laterPageJob)) throw notFound('The job');
  return { items: result.submissions.map(portalSubmissionView), nextCursor: result.nextCursor };
}

/**
 * B12: a client's move (into an allowed stage only) or remark; client remarks are always `client`.
 * A "move" into the stage the candidate is already in is no move: it is refused unless it carries a
 * remark, and then it is recorded as that remark. A move without a remark stores no text.
 */
export function actOnCandidate(
  caller: PortalCaller,
  jobId: string,
  submissionId: string,
  action: { stage?: Stage; remark?: string | undefined },
) {
  return withFreshRead(async () => {
    const { job, submission } = await getJobAndSubmission(caller.accountId, jobId, submissionId);
    if (!visibleTo(caller, job) || !submission) throw notFound('The candidate');
    const stage = action.stage;
    const moves = stage !== undefined && stage !== submission.stage;
    if (stage !== undefined && !moves && action.remark === undefined)
      throw refused(
        'same_stage',
        `The candidate is already in the ${stage} stage. Choose another stage, or leave a remark instead.`,
        { stage },
      );
    if (moves && !job.clientAllowedStages.includes(stage))
      throw refused(
        'stage_not_allowed',
        'Your recruiter has not opened this stage to clients for this job.',
        {
          allowedStages: job.clientAllowedStages,
        },
      );
    const now = new Date().toISOString();
    const entry: Remark = {
      ...(action.remark !== undefined ? { text: action.remark } : {}),
      ...(moves ? { stageFrom: submission.stage, stageTo: stage } : {}),
      visibility: 'client',
      by: { type: 'client', name: `${caller.user.firstName} ${caller.user.lastName}` },
      at: now,
    };
    return portalSubmissionView(await appendEntry(caller.accountId, submission, entry));
  });
}
