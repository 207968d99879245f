/**
 * The route table: the single source of truth for the HTTP API. CDK builds one Lambda and one
 * HTTP API route per entry, the local server dispatches by it, the handlers take their schemas
 * from it, and the OpenAPI document and the tests are generated from it.
 *
 * The entries live in one module per resource (`./routes/*.ts`), which is what a handler imports
 * (`import * as routes from '#shared/api/routes/crm-account'`): its bundle then holds its own
 * route and schemas, not the whole table. Everything else reads the table here.
 */
import * as crmAccount from './routes/crm-account.ts';
import * as crmCandidates from './routes/crm-candidates.ts';
import * as crmContacts from './routes/crm-contacts.ts';
import * as crmJobs from './routes/crm-jobs.ts';
import * as crmOrganizations from './routes/crm-organizations.ts';
import * as crmRequisitions from './routes/crm-requisitions.ts';
import * as portalJobs from './routes/portal-jobs.ts';
import * as portalRequisitions from './routes/portal-requisitions.ts';
import * as portalSignIn from './routes/portal-sign-in.ts';
import type { Route, RouteAccess } from './routes/route.ts';

export type { HttpMethod, Route, RouteAccess, RouteAuth } from './routes/route.ts';

/**
 * A module's entries by name, in code-unit order: the order of a native ES module namespace, which
 * a runtime that compiles modules to CommonJS (source order) would not keep. The table's order (and
 * with it the committed OpenAPI document) is then the same under every runtime.
 */
const inNameOrder = <M extends object>(m: M): M =>
  Object.fromEntries(Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) as M;

/** By name; a name is unique across the modules (the table test checks that none is shadowed). */
export const routes = {
  ...inNameOrder(crmAccount),
  ...inNameOrder(crmOrganizations),
  ...inNameOrder(crmContacts),
  ...inNameOrder(crmJobs),
  ...inNameOrder(crmCandidates),
  ...inNameOrder(crmRequisitions),
  ...inNameOrder(portalSignIn),
  ...inNameOrder(portalJobs),
  ...inNameOrder(portalRequisitions),
} as const;

/** The group modules, for the check that no name is shadowed by another module's. */
export const routeModules = [
  crmAccount,
  crmOrganizations,
  crmContacts,
  crmJobs,
  crmCandidates,
  crmRequisitions,
  portalSignIn,
  portalJobs,
  portalRequisitions,
] as const;

export type RouteName = keyof typeof routes;

/** The access a route's function needs: what the table entry declares, plus the session touch. */
export const accessOf = (r: Pick<Route, 'auth' | 'access'>): RouteAccess =>
  r.auth === 'session' ? { ...r.access, sessionTouch: true } : r.access;
export const routeList: Route[] = Object.values(routes);
export const routeKey = (r: Pick<Route, 'method' | 'path'>) => `${r.method} ${r.path}`;
