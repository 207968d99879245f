/** The recruiter API: candidates. */
import { candidateIdParams, listQuery } from '../schemas/common.ts';
import { candidateCreate } from '../schemas/crm.ts';
import { type Route, list, read, write } from './route.ts';

export const createCandidate = {
  id: 'crm/create-candidate',
  method: 'POST',
  path: '/crm/candidates',
  auth: 'jwt',
  status: 201,
  summary: 'Create a candidate',
  body: candidateCreate,
  access: write,
} satisfies Route;

export const listCandidates = {
  id: 'crm/list-candidates',
  method: 'GET',
  path: '/crm/candidates',
  auth: 'jwt',
  status: 200,
  summary: 'List candidates',
  query: listQuery,
  access: list,
} satisfies Route;

export const getCandidate = {
  id: 'crm/get-candidate',
  method: 'GET',
  path: '/crm/candidates/{candidateId}',
  auth: 'jwt',
  status: 200,
  summary: 'Read a candidate',
  params: candidateIdParams,
  access: read,
} satisfies Route;

export const deleteCandidate = {
  id: 'crm/delete-candidate',
  method: 'DELETE',
  path: '/crm/candidates/{candidateId}',
  auth: 'jwt',
  status: 204,
  summary: 'Delete a candidate (B18)',
  params: candidateIdParams,
  access: write,
} satisfies Route;
