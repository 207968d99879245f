import { setTimeout as sleep } from 'node:timers/promises';
import { envNames, optionalEnv } from '../config/env.ts';
import { contactsOfOrganizationPage, deleteContactsOfOrganization } from '../data/organization-cascade.ts';
import type { Item } from '../data/items.ts';
import { detailTypes, type OrganizationDeleted } from '../events/catalog.ts';
import { handOff, type HasTime } from '../events/hand-off.ts';
import { publishEvent } from '../events/publish.ts';
import { addMetric } from '../metrics/metrics.ts';
import { runLongWork } from './long-work.ts';

/**
 * How long after the first pass the second one reads the organization's contacts again: the index
 * it reads is eventually consistent, and a contact written just before the deletion may reach it
 * late. Counted from the first pass's end, not from the event's `at` (whole seconds in a stream record).
 */
const recheckDelayMs = Number(optionalEnv(envNames.cascadeRecheckDelayMs) ?? 10_000);

/** The position after a contact in the organization's index (GSI1): the index key and the table key. */
const positionAfter = (c: Item) => ({ PK: c.PK, SK: c.SK, GSI1PK: c.GSI1PK, GSI1SK: c.GSI1SK });

/** Sleeps until `at` while there is time; answers whether `at` was reached. */
async function waitUntil(at: number, hasTime: HasTime): Promise<boolean> {
  while (Date.now() < at) {
    if (!hasTime()) return false;
    await sleep(Math.min(100, at - Date.now()));
  }
  return true;
}

/**
 * B15: deleting an organization deletes all its contacts; each deletion then flows through the
 * stream as a ContactDeleted, which ends that contact's portal access. Paginated, 25 per write;
 * when the Lambda runs short of time it hands the rest to a follow-up event. Once the first pass is
 * through, a second one (`recheckAt`) reads the contacts again `recheckDelayMs` later: no new contact
 * can enter the organization after its deletion (a condition on every such write), so what the
 * second pass finds is what the index had not shown yet (docs/long-work.md).
 */
export async function cascadeOrganizationDeletion(event: OrganizationDeleted, hasTime: HasTime) {
  const { accountId, organizationId } = event;
  const recheck = event.recheckAt !== undefined;
  const totals = { deleted: 0, skipped: 0, writeRequests: 0, pages: 0, recheck };
  const started = Date.now();
  // Contacts this invocation deleted (a retry finds them gone: skipped, not counted) and its time.
  const record = () => {
    addMetric('CascadeContactsDeleted', totals.deleted);
    addMetric('CascadeDuration', Date.now() - started);
  };
  if (event.recheckAt && !event.resumeAfter) {
    if (!(await waitUntil(Date.parse(event.recheckAt), hasTime))) {
      await publishEvent(detailTypes.organizationDeleted, event);
      return { ...totals, continued: true };
    }
  }
  const run = await runLongWork({
    start: event.resumeAfter,
    hasTime,
    positionAfter,
    page: async (startKey) => {
      const page = await contactsOfOrganizationPage(accountId, organizationId, startKey);
      return { items: page.contacts, nextKey: page.nextKey };
    },
    batch: async (contacts) => {
      const ids = contacts.map((c) => String(c.id));
      const result = await deleteContactsOfOrganization(accountId, organizationId, ids, event.at);
      totals.deleted += result.deleted;
      totals.skipped += result.skipped;
      totals.writeRequests += result.writeRequests;
    },
  });
  totals.pages = run.pages;
  if (run.resumeAfter) {
    await handOff(detailTypes.organizationDeleted, event, run.resumeAfter);
    record();
    return { ...totals, continued: true };
  }
  if (!recheck) {
    const { resumeAfter: _done, ...first } = event;
    const recheckAt = new Date(Date.now() + recheckDelayMs).toISOString();
    await publishEvent(detailTypes.organizationDeleted, { ...first, recheckAt });
  }
  record();
  return { ...totals, continued: false };
}
