import { responses } from '../../shared/api/responses.ts';
import { type Route, type RouteName, routes } from '../../shared/api/routes.ts';
import { createRouteMatcher } from '../../local/route-matcher.ts';

const names = new Map<Route, RouteName>(
  Object.entries(routes).map(([name, route]) => [route, name as RouteName]),
);
const match = createRouteMatcher(Object.values(routes));

/**
 * Every success answer the integration tests receive is checked against the route's answer in
 * `shared/api/responses.ts` — the schema the OpenAPI document and the web client are built from —
 * so a handler and its published shape can never drift apart unnoticed.
 */
export function assertResponseContract(method: string, path: string, status: number, json: unknown): void {
  const found = match(method, path.split('?')[0] ?? path);
  if (!found || status < 200 || status > 299) return;
  const name = names.get(found.route);
  if (!name) return;
  const schema = responses[name];
  if (status !== found.route.status) return; // e.g. 200 of an idempotent repeat: not the documented answer
  if (schema === null) {
    if (json !== undefined)
      throw new Error(`${method} ${found.route.path} answered a body, documented as none`);
    return;
  }
  const result = schema.safeParse(json);
  if (!result.success)
    throw new Error(
      `${method} ${found.route.path} answered outside its documented shape (shared/api/responses.ts):\n` +
        JSON.stringify(result.error.issues.slice(0, 5), null, 2),
    );
}
