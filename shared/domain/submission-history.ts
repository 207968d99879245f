import * as store from '../data/submissions.ts';
import type { Remark, Submission } from '../data/submissions.ts';
import { newId } from '../util/ids.ts';
import { StaleRead } from './optimistic.ts';

/**
 * B12: appends one move and/or remark to a submission's history — recruiters' and clients' alike
 * — and answers the submission as it now is. Runs inside `withFreshRead`: a concurrent change
 * makes it read again, so `stageFrom` is always right.
 */
export async function appendEntry(
  accountId: string,
  submission: Submission,
  entry: Remark,
): Promise<Submission> {
  if ((await store.recordEntry(accountId, submission, newId(), entry)) === 'conflict') throw new StaleRead();
  return {
    ...submission,
    stage: entry.stageTo ?? submission.stage,
    remarks: [...submission.remarks, entry],
    updatedAt: entry.at,
    rev: submission.rev + 1,
  };
}
