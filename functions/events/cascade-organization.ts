import { cascadeOrganizationDeletion } from '#shared/domain/organization-cascade';
import type { OrganizationDeleted } from '#shared/events/catalog';
import { eventHandler } from '#shared/events/event-handler';

/** Leave this much of the Lambda's time to hand the rest over in a follow-up event. */
const reserveMs = 10_000;

export const handler = eventHandler<OrganizationDeleted>(async (detail, _event, context) =>
  cascadeOrganizationDeletion(detail, () => context.getRemainingTimeInMillis() > reserveMs),
);
