import { notifyClientAction, notifyRequisitionSubmitted } from '#shared/domain/notifications';
import { detailTypes, type ClientActedOnCandidate, type RequisitionChanged } from '#shared/events/catalog';
import { eventHandler } from '#shared/events/event-handler';

export const handler = eventHandler<RequisitionChanged | ClientActedOnCandidate>(async (detail, event) => ({
  sent:
    event['detail-type'] === detailTypes.requisitionSubmitted
      ? await notifyRequisitionSubmitted(detail as RequisitionChanged)
      : await notifyClientAction(detail as ClientActedOnCandidate),
}));
