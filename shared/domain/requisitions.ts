import { defaultClientAllowedStages } from '../api/schemas/common.ts';
import type { RequisitionCreate, RequisitionPatch, RequisitionStatus } from '../api/schemas/portal.ts';
import type { JobRecord } from '../data/jobs.ts';
import type { PageRequest } from '../data/paging.ts';
import * as store from '../data/requisitions.ts';
import type { RequisitionRecord, RequisitionWriteOutcome } from '../data/requisitions.ts';
import { newId } from '../util/ids.ts';
import { nowIso } from '../util/time.ts';
import { conflict, invalid, notFound, portalDisabled, refused } from './errors.ts';
import { StaleRead, withFreshRead } from './optimistic.ts';
import type { PortalCaller } from './portal-session.ts';
import { sessionRefused } from './session-refusal.ts';

/** The recruiter's view (SPEC §3 shape plus review details): everything but the lock revision. */
export const requisitionView = ({ rev: _rev, ...r }: RequisitionRecord) => r;

/** The client's view, built field by field so the reviewer's e-mail and internal ids never leak. */
export const portalRequisitionView = (r: RequisitionRecord) => ({
  id: r.id,
  organizationId: r.organizationId,
  title: r.title,
  description: r.description,
  qualifications: r.qualifications,
  location: r.location,
  employmentType: r.employmentType,
  openings: r.openings,
  salaryMin: r.salaryMin,
  salaryMax: r.salaryMax,
  currency: r.currency,
  status: r.status,
  // Absent until reviewed (JSON leaves undefined out): rejected ones show their remarks (B14).
  reviewRemarks: r.reviewRemarks,
  jobId: r.jobId,
  submittedBy: r.submittedBy,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
  reviewedAt: r.reviewedAt,
});

const missing = () => notFound('The requisition');
const notPending = () => conflict('not_pending', 'The requisition is no longer pending.');

function raiseFor(outcome: RequisitionWriteOutcome): void {
  if (outcome === 'ok') return;
  if (outcome === 'stale') throw new StaleRead();
  if (outcome === 'portal_disabled') throw portalDisabled();
  throw refused('organization_not_found', 'The organization does not exist (or is being deleted).');
}

export async function createRequisition(caller: PortalCaller, input: RequisitionCreate) {
  const now = nowIso();
  const { firstName, lastName, email } = caller.user;
  const requisition: RequisitionRecord = {
    id: newId(),
    organizationId: caller.organizationId,
    title: input.title,
    description: input.description,
    qualifications: input.qualifications,
    location: input.location,
    employmentType: input.employmentType,
    openings: input.openings,
    salaryMin: input.salaryMin ?? null,
    salaryMax: input.salaryMax ?? null,
    currency: input.currency ?? null,
    status: 'pending',
    submittedBy: { name: `${firstName} ${lastName}`, email },
    submittedByContactId: caller.contactId,
    createdAt: now,
    updatedAt: now,
    rev: 1,
  };
  const outcome = await store.insertRequisition(caller.accountId, requisition);
  // Deleted since the session check: the caller's access ended with the organization (B15, B19).
  if (outcome === 'organization_missing') throw sessionRefused('access_removed');
  raiseFor(outcome);
  return portalRequisitionView(requisition);
}

/** Another organization's requisition is "not found", never "forbidden" (SPEC §3). */
async function ownRequisition(caller: PortalCaller, reqId: string): Promise<RequisitionRecord> {
  const requisition = await store.getRequisition(caller.accountId, reqId);
  if (!requisition || requisition.organizationId !== caller.organizationId) throw missing();
  return requisition;
}

export const readRequisitionFor = async (caller: PortalCaller, reqId: string) =>
  portalRequisitionView(await ownRequisition(caller, reqId));

export async function listRequisitionsFor(caller: PortalCaller, page: PageRequest) {
  const result = await store.listRequisitionsOfOrganization(caller.accountId, caller.organizationId, page);
  return { items: result.items.map(portalRequisitionView), nextCursor: result.nextCursor };
}

/** Read, require pending, write the next version on the revision read; a race re-reads (then maybe 409). */
function changePending(
  accountId: string,
  read: () => Promise<RequisitionRecord>,
  change: (before: RequisitionRecord, now: string) => Partial<RequisitionRecord>,
): Promise<RequisitionRecord> {
  return withFreshRead(async () => {
    const before = await read();
    if (before.status !== 'pending') throw notPending();
    const now = nowIso();
    const next: RequisitionRecord = {
      ...before,
      ...change(before, now),
      updatedAt: now,
      rev: before.rev + 1,
    };
    if (next.salaryMin !== null && next.salaryMax !== null && next.salaryMin > next.salaryMax)
      throw invalid('validation_failed', 'The request body is not valid.', {
        salaryMin: 'The minimum salary must not be more than the maximum salary.',
      });
    raiseFor(await store.replacePending(accountId, next, before.rev));
    return next;
  });
}

const definedFields = (patch: RequisitionPatch) =>
  Object.fromEntries(
    Object.entries(patch).filter(([, value]) => value !== undefined),
  ) as Partial<RequisitionRecord>;

export const updateRequisitionFor = async (caller: PortalCaller, reqId: string, patch: RequisitionPatch) =>
  portalRequisitionView(
    await changePending(
      caller.accountId,
      () => ownRequisition(caller, reqId),
      () => definedFields(patch),
    ),
  );

export const withdrawRequisitionFor = async (caller: PortalCaller, reqId: string) =>
  portalRequisitionView(
    await changePending(
      caller.accountId,
      () => ownRequisition(caller, reqId),
      () => ({ status: 'withdrawn' }),
    ),
  );

export async function listRequisitions(
  accountId: string,
  status: RequisitionStatus | undefined,
  page: PageRequest,
) {
  const [list, pendingCount] = await Promise.all([
    store.listRequisitions(accountId, status, page),
    store.pendingCount(accountId),
  ]);
  return { items: list.items.map(requisitionView), nextCursor: list.nextCursor, pendingCount };
}

async function recruiterRead(accountId: string, reqId: string) {
  const requisition = await store.getRequisition(accountId, reqId);
  if (!requisition) throw missing();
  return requisition;
}

export const rejectRequisition = async (
  accountId: string,
  reviewer: string,
  reqId: string,
  remarks: string,
) =>
  requisitionView(
    await changePending(
      accountId,
      () => recruiterRead(accountId, reqId),
      (_, now) => ({
        status: 'rejected',
        reviewRemarks: remarks,
        reviewedAt: now,
        reviewedBy: reviewer,
      }),
    ),
  );

/** B14: the job takes the requisition's organization, the submitter as primary contact, shared. */
const jobFrom = (r: RequisitionRecord, now: string): JobRecord => ({
  id: newId(),
  title: r.title,
  description: r.description,
  location: r.location || null,
  organizationId: r.organizationId,
  primaryContactId: r.submittedByContactId,
  status: 'open',
  sharedToPortal: true,
  clientAllowedStages: [...defaultClientAllowedStages],
  requisitionId: r.id,
  createdAt: now,
  updatedAt: now,
  rev: 1,
});

export function approveRequisition(accountId: string, reviewer: string, reqId: string) {
  return withFreshRead(async () => {
    const { requisition: before, account } = await store.getRequisitionAndAccount(accountId, reqId);
    // Approving shares a job, so the add-on rule comes first, as for sharing (B1).
    if (!account.portalEnabled) throw portalDisabled();
    if (!before) throw missing();
    if (before.status !== 'pending') throw notPending();
    const now = nowIso();
    const job = jobFrom(before, now);
    const next: RequisitionRecord = {
      ...before,
      status: 'approved',
      jobId: job.id,
      reviewedAt: now,
      reviewedBy: reviewer,
      updatedAt: now,
      rev: before.rev + 1,
    };
    let outcome = await store.approvePending(accountId, next, before.rev, job);
    // The submitter left the organization (or was deleted) meanwhile: the job starts without a
    // primary contact and stays shared, as a shared job does when that happens later (B10).
    if (outcome === 'contact_not_in_organization')
      outcome = await store.approvePending(accountId, next, before.rev, { ...job, primaryContactId: null });
    raiseFor(outcome);
    return requisitionView(next);
  });
}
