import { removeCandidateSubmissions } from '#shared/domain/pipeline-removal';
import type { CandidateDeleted } from '#shared/events/catalog';
import { eventHandler } from '#shared/events/event-handler';
import { timeKeeper } from '#shared/events/hand-off';

export const handler = eventHandler<CandidateDeleted>(async (detail, _event, context) =>
  removeCandidateSubmissions(detail, timeKeeper(context)),
);
