import { cascadeOrganizationDeletion } from '#shared/domain/organization-cascade';
import type { OrganizationDeleted } from '#shared/events/catalog';
import { eventHandler } from '#shared/events/event-handler';
import { timeKeeper } from '#shared/events/hand-off';

export const handler = eventHandler<OrganizationDeleted>(async (detail, _event, context) =>
  cascadeOrganizationDeletion(detail, timeKeeper(context)),
);
