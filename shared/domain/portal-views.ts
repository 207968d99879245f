import type { JobRecord } from '../data/jobs.ts';
import type { Remark, Submission } from '../data/submissions.ts';

/** A shared job as clients see it: SPEC §3's job fields (all of them the client's own), nothing internal. */
export const portalJobView = (j: JobRecord) => ({
  id: j.id,
  title: j.title,
  description: j.description,
  location: j.location,
  organizationId: j.organizationId,
  primaryContactId: j.primaryContactId,
  status: j.status,
  sharedToPortal: j.sharedToPortal,
  clientAllowedStages: j.clientAllowedStages,
  createdAt: j.createdAt,
  ...(j.requisitionId ? { requisitionId: j.requisitionId } : {}),
});

const clientRemark = (r: Remark) => ({
  ...(r.text !== undefined ? { text: r.text } : {}),
  ...(r.stageFrom ? { stageFrom: r.stageFrom, stageTo: r.stageTo } : {}),
  visibility: r.visibility,
  by: r.by,
  at: r.at,
});

/**
 * B11: a submission as clients see it. Built field by field (never by removing fields), so the
 * candidate's e-mail and phone and every internal remark can never leak by accident.
 */
export const portalSubmissionView = (s: Submission) => ({
  id: s.id,
  candidate: { name: s.candidate.name, headline: s.candidate.headline, summary: s.candidate.summary },
  stage: s.stage,
  submittedAt: s.submittedAt,
  remarks: s.remarks.filter((r) => r.visibility === 'client').map(clientRemark),
});
