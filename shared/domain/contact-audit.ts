import { listAudit } from '../data/audit.ts';
import type { PageRequest } from '../data/paging.ts';
import { notFound } from './errors.ts';

/** B21: readable after the contact is deleted; 404 only for an id this account never had. */
export async function readContactAudit(accountId: string, contactId: string, page: PageRequest) {
  const result = await listAudit(accountId, contactId, page);
  if (!result.known) throw notFound('The contact');
  return { items: result.items, nextCursor: result.nextCursor };
}
