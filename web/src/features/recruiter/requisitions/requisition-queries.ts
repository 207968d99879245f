import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client.ts';
import type { components, operations } from '../../../lib/api/schema';
import { allPages } from '../../../lib/all-pages.ts';
import { crmKeys } from '../queries.ts';

export type Requisition = components['schemas']['Requisition'];
export type RequisitionStatus = Requisition['status'];
type ListQuery = NonNullable<operations['listRequisitions']['parameters']['query']>;

const rank = (r: Requisition) => (r.status === 'pending' ? 0 : 1);

/** The inbox: pending ones first, then newest first (B14). */
export const requisitionsQuery = (status: RequisitionStatus | undefined) =>
  queryOptions({
    queryKey: crmKeys.requisitions.list(status),
    queryFn: async () => {
      const query: ListQuery = { limit: 100, ...(status ? { status } : {}) };
      const items = await allPages((cursor) =>
        unwrap(api.GET('/crm/requisitions', { params: { query: { ...query, cursor } } })),
      );
      return items.sort((a, b) => rank(a) - rank(b) || b.createdAt.localeCompare(a.createdAt));
    },
  });
