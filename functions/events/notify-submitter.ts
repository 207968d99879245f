import { notifyRequisitionReviewed } from '#shared/domain/notifications';
import type { RequisitionChanged } from '#shared/events/catalog';
import { eventHandler } from '#shared/events/event-handler';

export const handler = eventHandler<RequisitionChanged>(async (detail) => ({
  sent: await notifyRequisitionReviewed(detail),
}));
