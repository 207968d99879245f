import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client.ts';
import type { components } from '../../../lib/api/schema';
import { allPages } from '../../../lib/all-pages.ts';
import { crmKeys } from '../queries.ts';

export type Candidate = components['schemas']['Candidate'];

/** Every candidate of the account, by last name. */
export const candidatesQuery = queryOptions({
  queryKey: crmKeys.candidates.list,
  queryFn: async () => {
    const items = await allPages((cursor) =>
      unwrap(api.GET('/crm/candidates', { params: { query: { limit: 100, cursor } } })),
    );
    return items.sort(
      (a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName),
    );
  },
});

export const candidateName = (c: Pick<Candidate, 'firstName' | 'lastName'>) =>
  `${c.firstName} ${c.lastName}`.trim();
