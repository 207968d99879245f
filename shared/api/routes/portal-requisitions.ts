/** The portal: my organization's job requisitions (B13). */
import { listQuery, reqIdParams } from '../schemas/common.ts';
import { requisitionCreate, requisitionPatch } from '../schemas/portal.ts';
import { type Route, list, read, write } from './route.ts';

export const createRequisition = {
  id: 'portal/create-requisition',
  method: 'POST',
  path: '/portal/requisitions',
  auth: 'session',
  status: 201,
  summary: 'Submit a job requisition (B13)',
  body: requisitionCreate,
  access: write,
} satisfies Route;

export const listPortalRequisitions = {
  id: 'portal/list-requisitions',
  method: 'GET',
  path: '/portal/requisitions',
  auth: 'session',
  status: 200,
  summary: "My organization's requisitions with their status (B13)",
  query: listQuery,
  access: list,
} satisfies Route;

export const getPortalRequisition = {
  id: 'portal/get-requisition',
  method: 'GET',
  path: '/portal/requisitions/{reqId}',
  auth: 'session',
  status: 200,
  summary: 'One requisition (B13, B14)',
  params: reqIdParams,
  access: read,
} satisfies Route;

export const patchPortalRequisition = {
  id: 'portal/update-requisition',
  method: 'PATCH',
  path: '/portal/requisitions/{reqId}',
  auth: 'session',
  status: 200,
  summary: 'Edit a requisition while it is pending (B13)',
  params: reqIdParams,
  body: requisitionPatch,
  access: write,
} satisfies Route;

export const withdrawRequisition = {
  id: 'portal/withdraw-requisition',
  method: 'POST',
  path: '/portal/requisitions/{reqId}/withdraw',
  auth: 'session',
  status: 200,
  summary: 'Withdraw a requisition while it is pending (B13)',
  params: reqIdParams,
  access: write,
} satisfies Route;
