import type { ListQuery } from '../api/schemas/common.ts';
import type { Route } from '../api/routes.ts';
import type { PageRequest } from '../data/paging.ts';

/**
 * A list request bound to the caller's tenant and to this list (route and path parameters), so a
 * cursor works nowhere else: not for another account, route, organization or job.
 */
export function pageRequest(
  route: Route,
  tenant: string,
  query: ListQuery,
  params: object = {},
): PageRequest {
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    String((params as Record<string, unknown>)[name]),
  );
  return { limit: query.limit, cursor: query.cursor, scope: { tenant, route: `${route.method} ${path}` } };
}
