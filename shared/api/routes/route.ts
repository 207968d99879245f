/**
 * What a route of the table is. The entries themselves are plain data in the group modules next
 * to this file (one per resource), aggregated by `shared/api/routes.ts`; a handler imports its
 * group module only, so its bundle holds its own route and schemas and no other's.
 */
import type * as z from 'zod/v4/core';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** `jwt`: /crm, checked by the HTTP API's JWT authorizer. `session`: portal session middleware. */
export type RouteAuth = 'jwt' | 'session' | 'public';

export interface RouteAccess {
  /** Least privilege on the table: read-only routes get read grants only. */
  table: 'read' | 'readWrite';
  /** Narrower still: exactly these item actions on the table itself (no index), instead of `table`'s. */
  tableActions?: readonly string[];
  /** Sends e-mail through SES. */
  email?: boolean;
  /** Signs or verifies list cursors (reads the cursor secret). */
  cursor?: boolean;
  /** Makes or checks login codes (reads the login-code secret, the key of their keyed hash; B24). */
  loginCode?: boolean;
  /** Puts events on the project's bus (EVENT_BUS_NAME, events:PutEvents on that bus only). */
  events?: boolean;
  /**
   * Runs the portal session check, which slides a session's idle expiry (UpdateItem on `SESSION#`
   * items only). Every `auth: 'session'` route gets it — see `accessOf`.
   */
  sessionTouch?: boolean;
}

export interface Route<
  B extends z.$ZodType | undefined = z.$ZodType | undefined,
  Q extends z.$ZodType | undefined = z.$ZodType | undefined,
  P extends z.$ZodType | undefined = z.$ZodType | undefined,
> {
  /** Also the handler's path: `functions/<id>.ts`. */
  id: string;
  method: HttpMethod;
  path: string;
  auth: RouteAuth;
  summary: string;
  /** Success status of the route. */
  status: 200 | 201 | 202 | 204;
  body?: B;
  query?: Q;
  params?: P;
  access: RouteAccess;
}

export const read: RouteAccess = { table: 'read' };
export const write: RouteAccess = { table: 'readWrite' };
export const list: RouteAccess = { table: 'read', cursor: true };
