/** The recruiter API: reviewing the requisitions clients submit (B14). */
import { reqIdParams, requisitionListQuery } from '../schemas/common.ts';
import { requisitionReject } from '../schemas/portal.ts';
import { type Route, list, write } from './route.ts';

export const listRequisitions = {
  id: 'crm/list-requisitions',
  method: 'GET',
  path: '/crm/requisitions',
  auth: 'jwt',
  status: 200,
  summary: 'Requisitions, optionally by status, with the pending count (B14)',
  query: requisitionListQuery,
  access: list,
} satisfies Route;

export const approveRequisition = {
  id: 'crm/approve-requisition',
  method: 'POST',
  path: '/crm/requisitions/{reqId}/approve',
  auth: 'jwt',
  status: 200,
  summary: 'Approve: creates the job, shared to the portal, linked both ways (B14)',
  params: reqIdParams,
  access: write,
} satisfies Route;

export const rejectRequisition = {
  id: 'crm/reject-requisition',
  method: 'POST',
  path: '/crm/requisitions/{reqId}/reject',
  auth: 'jwt',
  status: 200,
  summary: 'Reject with review remarks (B14)',
  params: reqIdParams,
  body: requisitionReject,
  access: write,
} satisfies Route;
