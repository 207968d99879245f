import { endPortalAccess, type AccessEndedEvent } from '#shared/domain/access-end';
import { eventHandler } from '#shared/events/event-handler';
import { timeKeeper } from '#shared/events/hand-off';

export const handler = eventHandler<AccessEndedEvent>(async (detail, event, context) =>
  endPortalAccess(detail, { hasTime: timeKeeper(context), detailType: event['detail-type'] }),
);
