import type { CandidateCreate } from '../api/schemas/crm.ts';
import * as store from '../data/candidates.ts';
import type { PageRequest } from '../data/paging.ts';
import { newId } from '../util/ids.ts';
import { nowIso } from '../util/time.ts';
import { notFound } from './errors.ts';

const orNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

export async function createCandidate(accountId: string, input: CandidateCreate) {
  const candidate: store.Candidate = {
    id: newId(),
    firstName: input.firstName,
    lastName: input.lastName,
    email: orNull(input.email),
    phone: orNull(input.phone),
    headline: orNull(input.headline),
    summary: orNull(input.summary),
    createdAt: nowIso(),
  };
  await store.putCandidate(accountId, candidate);
  return candidate;
}

export async function readCandidate(accountId: string, candidateId: string) {
  const candidate = await store.getCandidate(accountId, candidateId);
  if (!candidate) throw notFound('The candidate');
  return candidate;
}

export async function deleteCandidate(accountId: string, candidateId: string): Promise<void> {
  if (!(await store.deleteCandidate(accountId, candidateId))) throw notFound('The candidate');
}

export const listCandidates = (accountId: string, page: PageRequest) => store.listCandidates(accountId, page);
