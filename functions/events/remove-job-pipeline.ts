import { removeJobPipeline } from '#shared/domain/pipeline-removal';
import type { JobDeleted } from '#shared/events/catalog';
import { eventHandler } from '#shared/events/event-handler';
import { timeKeeper } from '#shared/events/hand-off';

export const handler = eventHandler<JobDeleted>(async (detail, _event, context) =>
  removeJobPipeline(detail, timeKeeper(context)),
);
