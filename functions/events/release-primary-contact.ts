import { releaseJobsOf, type AccessEndedEvent } from '#shared/domain/access-end';
import { eventHandler } from '#shared/events/event-handler';

export const handler = eventHandler<AccessEndedEvent>(async (detail) => ({
  jobs: await releaseJobsOf(detail),
}));
