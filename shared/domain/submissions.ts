import type { SubmissionPatch } from '../api/schemas/crm.ts';
import type { PageRequest } from '../data/paging.ts';
import * as store from '../data/submissions.ts';
import type { Remark, Submission, SubmissionRecord } from '../data/submissions.ts';
import type { Recruiter } from '../http/recruiter-auth.ts';
import { newId } from '../util/ids.ts';
import { nowIso } from '../util/time.ts';
import { notFound, refused } from './errors.ts';
import { withFreshRead } from './optimistic.ts';
import { recruiterDisplayName } from './recruiter-name.ts';
import { appendEntry } from './submission-history.ts';

/** Recruiter view (SPEC §3): everything, internal remarks included. */
export const submissionView = ({ rev: _rev, updatedAt: _u, ...s }: Submission) => s;

export async function submitCandidate(accountId: string, jobId: string, candidateId: string) {
  const { job, candidate } = await store.getJobAndCandidate(accountId, jobId, candidateId);
  if (!job) throw notFound('The job');
  if (!candidate) throw refused('candidate_not_found', 'The candidate does not exist.');
  const now = nowIso();
  const submission: SubmissionRecord = {
    id: newId(),
    jobId,
    candidateId,
    candidate: {
      name: `${candidate.firstName} ${candidate.lastName}`,
      headline: candidate.headline,
      summary: candidate.summary,
    },
    stage: 'submitted',
    submittedAt: now,
    updatedAt: now,
    rev: 1,
  };
  const outcome = await store.insertSubmission(accountId, submission);
  if (outcome === 'job_missing') throw notFound('The job');
  if (outcome === 'candidate_missing') throw refused('candidate_not_found', 'The candidate does not exist.');
  if (outcome === 'already_submitted')
    throw refused('already_submitted', 'This candidate is already in the pipeline of this job.');
  return submissionView({ ...submission, remarks: [] });
}

/**
 * B12: a recruiter may move into any stage; every move and remark is kept as history. PATCHing the
 * stage a candidate is already in is no move: with a remark it records the remark, without one it
 * changes nothing (an idempotent PATCH) and records nothing.
 */
export function updateSubmission(
  recruiter: Recruiter,
  jobId: string,
  submissionId: string,
  patch: SubmissionPatch,
) {
  // The account is read (once, beside the first read) only when the token carries no name.
  const naming = recruiterDisplayName(recruiter);
  return withFreshRead(async () => {
    const [{ job, submission }, byName] = await Promise.all([
      store.getJobAndSubmission(recruiter.accountId, jobId, submissionId),
      naming,
    ]);
    if (!job || !submission) throw notFound('The submission');
    const moves = patch.stage !== undefined && patch.stage !== submission.stage;
    if (!moves && patch.remark === undefined) return submissionView(submission);
    const now = nowIso();
    const entry: Remark = {
      ...(patch.remark !== undefined ? { text: patch.remark } : {}),
      ...(moves ? { stageFrom: submission.stage, stageTo: patch.stage } : {}),
      visibility: patch.remarkVisibility ?? 'internal',
      by: { type: 'recruiter', name: byName },
      at: now,
    };
    return submissionView(await appendEntry(recruiter.accountId, submission, entry));
  });
}

export async function listSubmissions(accountId: string, jobId: string, page: PageRequest) {
  const result = await store.listSubmissions(accountId, jobId, page);
  if (!result.jobFound) throw notFound('The job');
  return { items: result.submissions.map(submissionView), nextCursor: result.nextCursor };
}
