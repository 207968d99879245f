import { contactsOfOrganizationPage, deleteContactsOfOrganization } from '../data/organization-cascade.ts';
import { detailTypes, type OrganizationDeleted } from '../events/catalog.ts';
import { publishEvent } from '../events/publish.ts';
import { addMetric } from '../metrics/metrics.ts';

/**
 * B15: deleting an organization deletes all its contacts; each deletion then flows through the
 * stream as a ContactDeleted, which ends that contact's portal access. Paginated, 25 per write;
 * when the Lambda runs short of time it hands the rest to a follow-up event.
 */
export async function cascadeOrganizationDeletion(event: OrganizationDeleted, hasTime: () => boolean) {
  const started = Date.now();
  let startKey = event.resumeAfter;
  const totals = { deleted: 0, skipped: 0, writeRequests: 0, pages: 0 };
  // Contacts this invocation deleted (a retry finds them gone: skipped, not counted) and its time.
  const record = () => {
    addMetric('CascadeContactsDeleted', totals.deleted);
    addMetric('CascadeDuration', Date.now() - started);
  };
  do {
    const page = await contactsOfOrganizationPage(event.accountId, event.organizationId, startKey);
    totals.pages++;
    const ids = page.contacts.map((c) => String(c.id));
    const result = await deleteContactsOfOrganization(event.accountId, event.organizationId, ids, event.at);
    totals.deleted += result.deleted;
    totals.skipped += result.skipped;
    totals.writeRequests += result.writeRequests;
    startKey = page.nextKey;
    if (startKey && !hasTime()) {
      await publishEvent(detailTypes.organizationDeleted, { ...event, resumeAfter: startKey });
      record();
      return { ...totals, continued: true };
    }
  } while (startKey);
  record();
  return { ...totals, continued: false };
}
