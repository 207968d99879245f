import { deleteSubmissionsOfCandidate } from '#shared/data/pipeline-cleanup';
import type { CandidateDeleted } from '#shared/events/catalog';
import { eventHandler } from '#shared/events/event-handler';

export const handler = eventHandler<CandidateDeleted>(async (detail) => ({
  removed: await deleteSubmissionsOfCandidate(detail.accountId, detail.candidateId),
}));
