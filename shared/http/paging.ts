import type { ListQuery } from '../api/schemas/common.ts';
import type { Route } from '../api/routes.ts';
import type { PageRequest } from '../data/paging.ts';

/** A list request bound to the caller's tenant and this route, so a cursor works nowhere else. */
export const pageRequest = (route: Route, tenant: string, query: ListQuery): PageRequest => ({
  limit: query.limit,
  cursor: query.cursor,
  scope: { tenant, route: `${route.method} ${route.path}` },
});
