import { deleteJobPartition } from '#shared/data/pipeline-cleanup';
import type { JobDeleted } from '#shared/events/catalog';
import { eventHandler } from '#shared/events/event-handler';

export const handler = eventHandler<JobDeleted>(async (detail) => ({
  removed: await deleteJobPartition(detail.accountId, detail.jobId),
}));
