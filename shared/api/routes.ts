/**
 * The route table: the single source of truth for the HTTP API. CDK builds one Lambda and one
 * HTTP API route per entry, the local server dispatches by it, the handlers take their schemas
 * from it, and the OpenAPI document and the tests are generated from it.
 */
import type { z } from 'zod';
import { listQuery, params, requisitionListQuery } from './schemas/common.ts';
import * as crm from './schemas/crm.ts';
import * as portal from './schemas/portal.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** `jwt`: /crm, checked by the HTTP API's JWT authorizer. `session`: portal session middleware. */
export type RouteAuth = 'jwt' | 'session' | 'public';

export interface RouteAccess {
  /** Least privilege on the table: read-only routes get read grants only. */
  table: 'read' | 'readWrite';
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
  B extends z.ZodType | undefined = z.ZodType | undefined,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  P extends z.ZodType | undefined = z.ZodType | undefined,
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

const route = <
  B extends z.ZodType | undefined,
  Q extends z.ZodType | undefined,
  P extends z.ZodType | undefined,
>(
  r: Route<B, Q, P>,
) => r;

const read: RouteAccess = { table: 'read' };
const write: RouteAccess = { table: 'readWrite' };
const list: RouteAccess = { table: 'read', cursor: true };

export const routes = {
  getAccount: route({
    id: 'crm/get-account',
    method: 'GET',
    path: '/crm/account',
    auth: 'jwt',
    status: 200,
    summary: 'Read the account settings',
    access: read,
  }),
  patchAccount: route({
    id: 'crm/update-account',
    method: 'PATCH',
    path: '/crm/account',
    auth: 'jwt',
    status: 200,
    summary: 'Change the account settings (admin only)',
    body: crm.accountPatch,
    access: write,
  }),

  createOrganization: route({
    id: 'crm/create-organization',
    method: 'POST',
    path: '/crm/organizations',
    auth: 'jwt',
    status: 201,
    summary: 'Create an organization',
    body: crm.organizationCreate,
    access: write,
  }),
  listOrganizations: route({
    id: 'crm/list-organizations',
    method: 'GET',
    path: '/crm/organizations',
    auth: 'jwt',
    status: 200,
    summary: 'List organizations',
    query: listQuery,
    access: list,
  }),
  getOrganization: route({
    id: 'crm/get-organization',
    method: 'GET',
    path: '/crm/organizations/{orgId}',
    auth: 'jwt',
    status: 200,
    summary: 'Read an organization',
    params: params.orgId,
    access: read,
  }),
  patchOrganization: route({
    id: 'crm/update-organization',
    method: 'PATCH',
    path: '/crm/organizations/{orgId}',
    auth: 'jwt',
    status: 200,
    summary: 'Rename an organization',
    params: params.orgId,
    body: crm.organizationPatch,
    access: write,
  }),
  deleteOrganization: route({
    id: 'crm/delete-organization',
    method: 'DELETE',
    path: '/crm/organizations/{orgId}',
    auth: 'jwt',
    status: 204,
    summary: 'Delete an organization (its contacts follow, B15)',
    params: params.orgId,
    access: write,
  }),
  listOrganizationContacts: route({
    id: 'crm/list-organization-contacts',
    method: 'GET',
    path: '/crm/organizations/{orgId}/contacts',
    auth: 'jwt',
    status: 200,
    summary: 'List the contacts of an organization',
    params: params.orgId,
    query: listQuery,
    access: list,
  }),

  createContact: route({
    id: 'crm/create-contact',
    method: 'POST',
    path: '/crm/contacts',
    auth: 'jwt',
    status: 201,
    summary: 'Create a contact',
    body: crm.contactCreate,
    access: write,
  }),
  getContact: route({
    id: 'crm/get-contact',
    method: 'GET',
    path: '/crm/contacts/{contactId}',
    auth: 'jwt',
    status: 200,
    summary: 'Read a contact with its portal status and eligibility (B2)',
    params: params.contactId,
    access: read,
  }),
  patchContact: route({
    id: 'crm/update-contact',
    method: 'PATCH',
    path: '/crm/contacts/{contactId}',
    auth: 'jwt',
    status: 200,
    summary: 'Update a contact; moving, unassigning or changing the email ends portal access (B17)',
    params: params.contactId,
    body: crm.contactPatch,
    access: write,
  }),
  deleteContact: route({
    id: 'crm/delete-contact',
    method: 'DELETE',
    path: '/crm/contacts/{contactId}',
    auth: 'jwt',
    status: 204,
    summary: 'Delete a contact (B16)',
    params: params.contactId,
    access: write,
  }),
  inviteContact: route({
    id: 'crm/invite-contact',
    method: 'POST',
    path: '/crm/contacts/{contactId}/portal-invitation',
    auth: 'jwt',
    status: 201,
    summary: 'Invite or re-invite a contact to the portal (B2–B4)',
    params: params.contactId,
    access: { table: 'readWrite', email: true },
  }),
  revokeInvitation: route({
    id: 'crm/revoke-invitation',
    method: 'DELETE',
    path: '/crm/contacts/{contactId}/portal-invitation',
    auth: 'jwt',
    status: 204,
    summary: 'Revoke a pending invitation (B4)',
    params: params.contactId,
    access: write,
  }),
  getContactAudit: route({
    id: 'crm/get-contact-audit',
    method: 'GET',
    path: '/crm/contacts/{contactId}/audit',
    auth: 'jwt',
    status: 200,
    summary: 'The portal access audit trail of a contact (B21)',
    params: params.contactId,
    query: listQuery,
    access: list,
  }),

  createJob: route({
    id: 'crm/create-job',
    method: 'POST',
    path: '/crm/jobs',
    auth: 'jwt',
    status: 201,
    summary: 'Create a job',
    body: crm.jobCreate,
    access: write,
  }),
  listJobs: route({
    id: 'crm/list-jobs',
    method: 'GET',
    path: '/crm/jobs',
    auth: 'jwt',
    status: 200,
    summary: 'List jobs',
    query: listQuery,
    access: list,
  }),
  getJob: route({
    id: 'crm/get-job',
    method: 'GET',
    path: '/crm/jobs/{jobId}',
    auth: 'jwt',
    status: 200,
    summary: 'Read a job',
    params: params.jobId,
    access: read,
  }),
  patchJob: route({
    id: 'crm/update-job',
    method: 'PATCH',
    path: '/crm/jobs/{jobId}',
    auth: 'jwt',
    status: 200,
    summary: 'Update a job; changing its organization unshares it (B10)',
    params: params.jobId,
    body: crm.jobPatch,
    access: write,
  }),
  deleteJob: route({
    id: 'crm/delete-job',
    method: 'DELETE',
    path: '/crm/jobs/{jobId}',
    auth: 'jwt',
    status: 204,
    summary: 'Delete a job (B18)',
    params: params.jobId,
    access: write,
  }),
  shareJob: route({
    id: 'crm/share-job',
    method: 'PUT',
    path: '/crm/jobs/{jobId}/portal-share',
    auth: 'jwt',
    status: 200,
    summary: 'Share a job to the portal (B10)',
    params: params.jobId,
    access: write,
  }),
  unshareJob: route({
    id: 'crm/unshare-job',
    method: 'DELETE',
    path: '/crm/jobs/{jobId}/portal-share',
    auth: 'jwt',
    status: 200,
    summary: 'Stop sharing a job (B10)',
    params: params.jobId,
    access: write,
  }),

  createCandidate: route({
    id: 'crm/create-candidate',
    method: 'POST',
    path: '/crm/candidates',
    auth: 'jwt',
    status: 201,
    summary: 'Create a candidate',
    body: crm.candidateCreate,
    access: write,
  }),
  listCandidates: route({
    id: 'crm/list-candidates',
    method: 'GET',
    path: '/crm/candidates',
    auth: 'jwt',
    status: 200,
    summary: 'List candidates',
    query: listQuery,
    access: list,
  }),
  getCandidate: route({
    id: 'crm/get-candidate',
    method: 'GET',
    path: '/crm/candidates/{candidateId}',
    auth: 'jwt',
    status: 200,
    summary: 'Read a candidate',
    params: params.candidateId,
    access: read,
  }),
  deleteCandidate: route({
    id: 'crm/delete-candidate',
    method: 'DELETE',
    path: '/crm/candidates/{candidateId}',
    auth: 'jwt',
    status: 204,
    summary: 'Delete a candidate (B18)',
    params: params.candidateId,
    access: write,
  }),

  createSubmission: route({
    id: 'crm/create-submission',
    method: 'POST',
    path: '/crm/jobs/{jobId}/submissions',
    auth: 'jwt',
    status: 201,
    summary: 'Submit a candidate to a job',
    params: params.jobId,
    body: crm.submissionCreate,
    access: write,
  }),
  listSubmissions: route({
    id: 'crm/list-submissions',
    method: 'GET',
    path: '/crm/jobs/{jobId}/submissions',
    auth: 'jwt',
    status: 200,
    summary: 'The pipeline of a job with stages and remarks',
    params: params.jobId,
    query: listQuery,
    access: list,
  }),
  revokePortalAccess: route({
    id: 'crm/revoke-portal-access',
    method: 'DELETE',
    path: '/crm/contacts/{contactId}/portal-access',
    auth: 'jwt',
    status: 204,
    summary: 'Revoke active portal access by hand (B22)',
    params: params.contactId,
    access: write,
  }),
  listRequisitions: route({
    id: 'crm/list-requisitions',
    method: 'GET',
    path: '/crm/requisitions',
    auth: 'jwt',
    status: 200,
    summary: 'Requisitions, optionally by status, with the pending count (B14)',
    query: requisitionListQuery,
    access: list,
  }),
  approveRequisition: route({
    id: 'crm/approve-requisition',
    method: 'POST',
    path: '/crm/requisitions/{reqId}/approve',
    auth: 'jwt',
    status: 200,
    summary: 'Approve: creates the job, shared to the portal, linked both ways (B14)',
    params: params.reqId,
    access: write,
  }),
  rejectRequisition: route({
    id: 'crm/reject-requisition',
    method: 'POST',
    path: '/crm/requisitions/{reqId}/reject',
    auth: 'jwt',
    status: 200,
    summary: 'Reject with review remarks (B14)',
    params: params.reqId,
    body: portal.requisitionReject,
    access: write,
  }),
  patchSubmission: route({
    id: 'crm/update-submission',
    method: 'PATCH',
    path: '/crm/jobs/{jobId}/submissions/{submissionId}',
    auth: 'jwt',
    status: 200,
    summary: 'Move a submission and/or add a remark (B12)',
    params: params.jobSubmission,
    body: crm.submissionPatch,
    access: write,
  }),

  // Portal: five public routes (the CSRF guard still applies to their POSTs), the rest behind the session check.
  getInvitation: route({
    id: 'portal/get-invitation',
    method: 'GET',
    path: '/portal/invitations/{token}',
    auth: 'public',
    status: 200,
    summary: 'Who is invited; consumes nothing (B5)',
    params: portal.tokenParams,
    access: read,
  }),
  signup: route({
    id: 'portal/sign-up',
    method: 'POST',
    path: '/portal/signup',
    auth: 'public',
    status: 201,
    summary: 'Accept an invitation: portal user, session cookie, login-link e-mail (B5, B6)',
    body: portal.signup,
    access: { table: 'readWrite', email: true },
  }),
  requestLoginLinks: route({
    id: 'portal/request-login-links',
    method: 'POST',
    path: '/portal/login-links',
    auth: 'public',
    status: 202,
    summary: 'E-mail login links and codes; answers the login request id, alike for every address (B7, B24)',
    body: portal.loginLinkRequest,
    access: { table: 'readWrite', events: true },
  }),
  getLoginLink: route({
    id: 'portal/get-login-link',
    method: 'GET',
    path: '/portal/login-links/{token}',
    auth: 'public',
    status: 200,
    summary: 'Check a login link; consumes nothing (B7)',
    params: portal.tokenParams,
    access: read,
  }),
  createSession: route({
    id: 'portal/create-session',
    method: 'POST',
    path: '/portal/sessions',
    auth: 'public',
    status: 201,
    summary:
      'Log in with a login link, or a login request and its code: consumes both, sets the session cookie (B7, B24)',
    body: portal.sessionCreate,
    access: { table: 'readWrite', loginCode: true },
  }),
  deleteSession: route({
    id: 'portal/delete-session',
    method: 'DELETE',
    path: '/portal/sessions/current',
    auth: 'session',
    status: 204,
    summary: 'Log out',
    access: write,
  }),
  listPortalJobs: route({
    id: 'portal/list-jobs',
    method: 'GET',
    path: '/portal/jobs',
    auth: 'session',
    status: 200,
    summary: 'The jobs shared with my organization, open ones first (B10, B11)',
    query: listQuery,
    access: list,
  }),
  getPortalJob: route({
    id: 'portal/get-job',
    method: 'GET',
    path: '/portal/jobs/{jobId}',
    auth: 'session',
    status: 200,
    summary: 'One shared job (B11)',
    params: portal.portalParams.jobId,
    access: read,
  }),
  listPortalCandidates: route({
    id: 'portal/list-candidates',
    method: 'GET',
    path: '/portal/jobs/{jobId}/candidates',
    auth: 'session',
    status: 200,
    summary: 'The candidate pipeline, client-safe fields only (B11)',
    params: portal.portalParams.jobId,
    query: listQuery,
    access: list,
  }),
  moveCandidate: route({
    id: 'portal/move-candidate',
    method: 'POST',
    path: '/portal/jobs/{jobId}/candidates/{submissionId}/moves',
    auth: 'session',
    status: 201,
    summary: 'Move a candidate into an allowed stage, with an optional remark (B12)',
    params: portal.portalParams.jobSubmission,
    body: portal.move,
    access: write,
  }),
  remarkCandidate: route({
    id: 'portal/remark-candidate',
    method: 'POST',
    path: '/portal/jobs/{jobId}/candidates/{submissionId}/remarks',
    auth: 'session',
    status: 201,
    summary: 'Leave a remark on a candidate (B12)',
    params: portal.portalParams.jobSubmission,
    body: portal.remark,
    access: write,
  }),
  createRequisition: route({
    id: 'portal/create-requisition',
    method: 'POST',
    path: '/portal/requisitions',
    auth: 'session',
    status: 201,
    summary: 'Submit a job requisition (B13)',
    body: portal.requisitionCreate,
    access: write,
  }),
  listPortalRequisitions: route({
    id: 'portal/list-requisitions',
    method: 'GET',
    path: '/portal/requisitions',
    auth: 'session',
    status: 200,
    summary: "My organization's requisitions with their status (B13)",
    query: listQuery,
    access: list,
  }),
  getPortalRequisition: route({
    id: 'portal/get-requisition',
    method: 'GET',
    path: '/portal/requisitions/{reqId}',
    auth: 'session',
    status: 200,
    summary: 'One requisition (B13, B14)',
    params: portal.portalParams.reqId,
    access: read,
  }),
  patchPortalRequisition: route({
    id: 'portal/update-requisition',
    method: 'PATCH',
    path: '/portal/requisitions/{reqId}',
    auth: 'session',
    status: 200,
    summary: 'Edit a requisition while it is pending (B13)',
    params: portal.portalParams.reqId,
    body: portal.requisitionPatch,
    access: write,
  }),
  withdrawRequisition: route({
    id: 'portal/withdraw-requisition',
    method: 'POST',
    path: '/portal/requisitions/{reqId}/withdraw',
    auth: 'session',
    status: 200,
    summary: 'Withdraw a requisition while it is pending (B13)',
    params: portal.portalParams.reqId,
    access: write,
  }),
  me: route({
    id: 'portal/get-me',
    method: 'GET',
    path: '/portal/me',
    auth: 'session',
    status: 200,
    summary: 'The signed-in user, organization and agency',
    access: read,
  }),
} as const;

export type RouteName = keyof typeof routes;

/** The access a route's function needs: what the table entry declares, plus the session touch. */
export const accessOf = (r: Pick<Route, 'auth' | 'access'>): RouteAccess =>
  r.auth === 'session' ? { ...r.access, sessionTouch: true } : r.access;
export const routeList: Route[] = Object.values(routes);
export const routeKey = (r: Pick<Route, 'method' | 'path'>) => `${r.method} ${r.path}`;
