import { defaultClientAllowedStages } from '../api/schemas/common.ts';
import type { JobCreate, JobPatch } from '../api/schemas/crm.ts';
import * as store from '../data/jobs.ts';
import type { JobChecks, JobRecord, JobWriteOutcome } from '../data/jobs.ts';
import type { PageRequest } from '../data/paging.ts';
import { newId } from '../util/ids.ts';
import { nowIso } from '../util/time.ts';
import { notFound, portalDisabled, refused } from './errors.ts';
import { StaleRead, withFreshRead } from './optimistic.ts';

/** The job as the recruiter API shows it (SPEC §3 shape). */
export const jobView = ({ rev: _rev, ...job }: JobRecord) => job;
export type JobView = ReturnType<typeof jobView>;

function raiseFor(outcome: JobWriteOutcome): void {
  switch (outcome) {
    case 'ok':
      return;
    case 'conflict':
      throw new StaleRead();
    case 'portal_disabled':
      throw portalDisabled();
    case 'organization_missing':
      throw refused('organization_not_found', 'The organization does not exist (or is being deleted).');
    case 'contact_not_in_organization':
      throw refused(
        'invalid_primary_contact',
        "The primary contact must be a contact of the job's organization.",
      );
  }
}

export async function createJob(accountId: string, input: JobCreate): Promise<JobView> {
  const now = nowIso();
  const job: JobRecord = {
    id: newId(),
    title: input.title,
    description: input.description,
    location: input.location ?? null,
    organizationId: input.organizationId,
    primaryContactId: input.primaryContactId ?? null,
    status: 'open',
    sharedToPortal: false,
    clientAllowedStages: input.clientAllowedStages ?? [...defaultClientAllowedStages],
    createdAt: now,
    updatedAt: now,
    rev: 1,
  };
  const checks: JobChecks = { organizationId: job.organizationId };
  if (job.primaryContactId)
    checks.primaryContact = { contactId: job.primaryContactId, organizationId: job.organizationId };
  raiseFor(await store.writeJob(accountId, job, null, checks));
  return jobView(job);
}

export async function readJob(accountId: string, jobId: string): Promise<JobView> {
  const job = await store.getJob(accountId, jobId);
  if (!job) throw notFound('The job');
  return jobView(job);
}

/** Changing the organization unshares the job and drops a primary contact of the old one (B10). */
export function applyJobPatch(before: JobRecord, patch: JobPatch, now: string): JobRecord {
  const moved = patch.organizationId !== undefined && patch.organizationId !== before.organizationId;
  const next: JobRecord = { ...before, rev: before.rev + 1, updatedAt: now };
  if (patch.title !== undefined) next.title = patch.title;
  if (patch.description !== undefined) next.description = patch.description;
  if (patch.location !== undefined) next.location = patch.location;
  if (patch.status !== undefined) next.status = patch.status;
  if (patch.clientAllowedStages !== undefined) next.clientAllowedStages = patch.clientAllowedStages;
  if (moved) {
    next.organizationId = patch.organizationId as string;
    next.sharedToPortal = false;
    next.primaryContactId = null;
  }
  if (patch.primaryContactId !== undefined) next.primaryContactId = patch.primaryContactId;
  return next;
}

export function updateJob(accountId: string, jobId: string, patch: JobPatch): Promise<JobView> {
  return withFreshRead(async () => {
    const job = await store.getJob(accountId, jobId);
    if (!job) throw notFound('The job');
    const next = applyJobPatch(job, patch, nowIso());
    const checks: JobChecks = {};
    if (next.organizationId !== job.organizationId) checks.organizationId = next.organizationId;
    if (patch.primaryContactId)
      checks.primaryContact = { contactId: patch.primaryContactId, organizationId: next.organizationId };
    raiseFor(await store.writeJob(accountId, next, job.rev, checks));
    return jobView(next);
  });
}

/** B10: the add-on must be on, and the primary contact must belong to the job's organization. */
export function shareJob(accountId: string, jobId: string): Promise<JobView> {
  return withFreshRead(async () => {
    const { job, account } = await store.getJobAndAccount(accountId, jobId);
    if (!account.portalEnabled) throw portalDisabled();
    if (!job) throw notFound('The job');
    if (!job.primaryContactId) throw notShareable('no_primary_contact');
    const next: JobRecord = { ...job, sharedToPortal: true, rev: job.rev + 1, updatedAt: nowIso() };
    const outcome = await store.writeJob(accountId, next, job.rev, {
      portalEnabled: true,
      primaryContact: { contactId: job.primaryContactId, organizationId: job.organizationId },
    });
    if (outcome === 'contact_not_in_organization') throw notShareable('primary_contact_not_in_organization');
    raiseFor(outcome);
    return jobView(next);
  });
}

const notShareable = (reason: 'no_primary_contact' | 'primary_contact_not_in_organization') =>
  refused('not_shareable', 'This job cannot be shared to the Client Portal.', { reasons: [reason] });

export async function unshareJob(accountId: string, jobId: string): Promise<JobView> {
  const job = await store.unshareJob(accountId, jobId);
  if (!job) throw notFound('The job');
  return jobView(job);
}

export async function deleteJob(accountId: string, jobId: string): Promise<void> {
  if (!(await store.deleteJob(accountId, jobId))) throw notFound('The job');
}

export async function listJobs(accountId: string, page: PageRequest) {
  const result = await store.listJobs(accountId, page);
  return { items: result.items.map(jobView), nextCursor: result.nextCursor };
}
