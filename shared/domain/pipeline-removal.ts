import {
  deletePipelineKeys,
  deleteSubmission,
  jobPartitionPage,
  submissionsOfCandidatePage,
} from '../data/pipeline-cleanup.ts';
import type { Item } from '../data/items.ts';
import { detailTypes, type CandidateDeleted, type JobDeleted } from '../events/catalog.ts';
import { handOff, type HasTime } from '../events/hand-off.ts';
import { runLongWork } from './long-work.ts';

/**
 * B18: a deleted job takes its pipeline with it, 25 keys per write. When the Lambda runs short of
 * time it hands the rest to a follow-up JobDeleted (docs/long-work.md).
 */
export async function removeJobPipeline(event: JobDeleted, hasTime: HasTime) {
  let writeRequests = 0;
  const run = await runLongWork({
    start: event.resumeAfter,
    hasTime,
    positionAfter: (key: { PK: string; SK: string }) => ({ ...key }),
    page: async (start) => {
      const page = await jobPartitionPage(event.accountId, event.jobId, start);
      return { items: page.keys, nextKey: page.nextKey };
    },
    batch: async (keyList) => {
      writeRequests += await deletePipelineKeys(keyList);
    },
  });
  if (run.resumeAfter) await handOff(detailTypes.jobDeleted, event, run.resumeAfter);
  return { removed: run.items, writeRequests, continued: run.resumeAfter !== undefined };
}

/** Where a follow-up resumes in the candidate's submissions index (GSI1): index key and table key. */
const afterSubmission = (s: Item) => ({ PK: s.PK, SK: s.SK, GSI1PK: s.GSI1PK, GSI1SK: s.GSI1SK });

/**
 * B18: a deleted candidate leaves every pipeline, one submission (with its history) per batch;
 * hands the rest to a follow-up CandidateDeleted when the Lambda runs short of time.
 */
export async function removeCandidateSubmissions(event: CandidateDeleted, hasTime: HasTime) {
  let writeRequests = 0;
  const run = await runLongWork({
    start: event.resumeAfter,
    hasTime,
    batchSize: 1,
    positionAfter: afterSubmission,
    page: async (start) => {
      const page = await submissionsOfCandidatePage(event.accountId, event.candidateId, start);
      return { items: page.submissions, nextKey: page.nextKey };
    },
    batch: async ([sub]) => {
      if (sub) writeRequests += await deleteSubmission(event.accountId, event.candidateId, sub);
    },
  });
  if (run.resumeAfter) await handOff(detailTypes.candidateDeleted, event, run.resumeAfter);
  return { removed: run.items, writeRequests, continued: run.resumeAfter !== undefined };
}
