import { cascadeOrganizationDeletion } from '#shared/domain/organization-cascade';
import type { OrganizationDeleted } from '#shared/events/catalog';
import { eventHandler } from '#shared/events/event-handler';

/** Keep this much of the Lambda's time (10 s) to hand the rest over in a follow-up event. */
const reserveMs = 3_000;

export const handler = eventHandler<OrganizationDeleted>(async (detail, _event, context) =>
  cascadeOrganizationDeletion(detail, () => context.getRemainingTimeInMillis() > reserveMs),
);
