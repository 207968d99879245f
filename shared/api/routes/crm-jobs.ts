/** The recruiter API: jobs, their portal share and their pipelines (submissions). */
import { jobIdParams, jobSubmissionParams, listQuery } from '../schemas/common.ts';
import { jobCreate, jobPatch, submissionCreate, submissionPatch } from '../schemas/crm.ts';
import { type Route, list, read, write } from './route.ts';

export const createJob = {
  id: 'crm/create-job',
  method: 'POST',
  path: '/crm/jobs',
  auth: 'jwt',
  status: 201,
  summary: 'Create a job',
  body: jobCreate,
  access: write,
} satisfies Route;

export const listJobs = {
  id: 'crm/list-jobs',
  method: 'GET',
  path: '/crm/jobs',
  auth: 'jwt',
  status: 200,
  summary: 'List jobs',
  query: listQuery,
  access: list,
} satisfies Route;

export const getJob = {
  id: 'crm/get-job',
  method: 'GET',
  path: '/crm/jobs/{jobId}',
  auth: 'jwt',
  status: 200,
  summary: 'Read a job',
  params: jobIdParams,
  access: read,
} satisfies Route;

export const patchJob = {
  id: 'crm/update-job',
  method: 'PATCH',
  path: '/crm/jobs/{jobId}',
  auth: 'jwt',
  status: 200,
  summary: 'Update a job; changing its organization unshares it (B10)',
  params: jobIdParams,
  body: jobPatch,
  access: write,
} satisfies Route;

export const deleteJob = {
  id: 'crm/delete-job',
  method: 'DELETE',
  path: '/crm/jobs/{jobId}',
  auth: 'jwt',
  status: 204,
  summary: 'Delete a job (B18)',
  params: jobIdParams,
  access: write,
} satisfies Route;

export const shareJob = {
  id: 'crm/share-job',
  method: 'PUT',
  path: '/crm/jobs/{jobId}/portal-share',
  auth: 'jwt',
  status: 200,
  summary: 'Share a job to the portal (B10)',
  params: jobIdParams,
  access: write,
} satisfies Route;

export const unshareJob = {
  id: 'crm/unshare-job',
  method: 'DELETE',
  path: '/crm/jobs/{jobId}/portal-share',
  auth: 'jwt',
  status: 200,
  summary: 'Stop sharing a job (B10)',
  params: jobIdParams,
  access: write,
} satisfies Route;

export const createSubmission = {
  id: 'crm/create-submission',
  method: 'POST',
  path: '/crm/jobs/{jobId}/submissions',
  auth: 'jwt',
  status: 201,
  summary: 'Submit a candidate to a job',
  params: jobIdParams,
  body: submissionCreate,
  access: write,
} satisfies Route;

export const listSubmissions = {
  id: 'crm/list-submissions',
  method: 'GET',
  path: '/crm/jobs/{jobId}/submissions',
  auth: 'jwt',
  status: 200,
  summary: 'The pipeline of a job with stages and remarks',
  params: jobIdParams,
  query: listQuery,
  access: list,
} satisfies Route;

export const patchSubmission = {
  id: 'crm/update-submission',
  method: 'PATCH',
  path: '/crm/jobs/{jobId}/submissions/{submissionId}',
  auth: 'jwt',
  status: 200,
  summary: 'Move a submission and/or add a remark (B12)',
  params: jobSubmissionParams,
  body: submissionPatch,
  access: write,
} satisfies Route;
