import * as store from '../data/organizations.ts';
import type { PageRequest } from '../data/paging.ts';
import { newId } from '../util/ids.ts';
import { nowIso } from '../util/time.ts';
import { notFound } from './errors.ts';

export type { Organization } from '../data/organizations.ts';

export async function createOrganization(accountId: string, name: string) {
  const now = nowIso();
  const org = { id: newId(), name, createdAt: now, updatedAt: now };
  await store.putOrganization(accountId, org);
  return org;
}

export async function readOrganization(accountId: string, orgId: string) {
  const org = await store.getOrganization(accountId, orgId);
  if (!org) throw notFound('The organization');
  return org;
}

export async function renameOrganization(accountId: string, orgId: string, name: string) {
  const org = await store.renameOrganization(accountId, orgId, name);
  if (!org) throw notFound('The organization');
  return org;
}

export async function deleteOrganization(accountId: string, orgId: string): Promise<void> {
  if (!(await store.deleteOrganization(accountId, orgId))) throw notFound('The organization');
}

export const listOrganizations = (accountId: string, page: PageRequest) =>
  store.listOrganizations(accountId, page);
