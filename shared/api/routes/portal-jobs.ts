/** The portal: the jobs shared with my organization and their candidate pipelines. */
import { jobIdParams, jobSubmissionParams, listQuery } from '../schemas/common.ts';
import { move, remark } from '../schemas/portal.ts';
import { type Route, list, read, write } from './route.ts';

export const listPortalJobs = {
  id: 'portal/list-jobs',
  method: 'GET',
  path: '/portal/jobs',
  auth: 'session',
  status: 200,
  summary: 'The jobs shared with my organization, open ones first (B10, B11)',
  query: listQuery,
  access: list,
} satisfies Route;

export const getPortalJob = {
  id: 'portal/get-job',
  method: 'GET',
  path: '/portal/jobs/{jobId}',
  auth: 'session',
  status: 200,
  summary: 'One shared job (B11)',
  params: jobIdParams,
  access: read,
} satisfies Route;

export const listPortalCandidates = {
  id: 'portal/list-candidates',
  method: 'GET',
  path: '/portal/jobs/{jobId}/candidates',
  auth: 'session',
  status: 200,
  summary: 'The candidate pipeline, client-safe fields only (B11)',
  params: jobIdParams,
  query: listQuery,
  access: list,
} satisfies Route;

export const moveCandidate = {
  id: 'portal/move-candidate',
  method: 'POST',
  path: '/portal/jobs/{jobId}/candidates/{submissionId}/moves',
  auth: 'session',
  status: 201,
  summary: 'Move a candidate into an allowed stage, with an optional remark (B12)',
  params: jobSubmissionParams,
  body: move,
  access: write,
} satisfies Route;

export const remarkCandidate = {
  id: 'portal/remark-candidate',
  method: 'POST',
  path: '/portal/jobs/{jobId}/candidates/{submissionId}/remarks',
  auth: 'session',
  status: 201,
  summary: 'Leave a remark on a candidate (B12)',
  params: jobSubmissionParams,
  body: remark,
  access: write,
} satisfies Route;
