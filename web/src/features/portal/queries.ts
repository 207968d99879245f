import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client.ts';
import type { components } from '../../lib/api/schema';
import { allPages } from '../../lib/all-pages.ts';

export type Me = components['schemas']['Me'];
export type PortalJob = components['schemas']['PortalJob'];
export type PortalSubmission = components['schemas']['PortalSubmission'];
export type PortalRequisition = components['schemas']['PortalRequisition'];

export const portalKeys = {
  me: ['portal', 'me'] as const,
  jobs: ['portal', 'jobs'] as const,
  job: (jobId: string) => ['portal', 'jobs', jobId] as const,
  pipeline: (jobId: string) => ['portal', 'jobs', jobId, 'pipeline'] as const,
  requisitions: ['portal', 'requisitions'] as const,
  requisition: (reqId: string) => ['portal', 'requisitions', reqId] as const,
};

export const meQuery = queryOptions({
  queryKey: portalKeys.me,
  queryFn: () => unwrap(api.GET('/portal/me')),
});

export const jobsQuery = queryOptions({
  queryKey: portalKeys.jobs,
  queryFn: () =>
    allPages((cursor) => unwrap(api.GET('/portal/jobs', { params: { query: { limit: 100, cursor } } }))),
});

export const jobQuery = (jobId: string) =>
  queryOptions({
    queryKey: portalKeys.job(jobId),
    queryFn: () => unwrap(api.GET('/portal/jobs/{jobId}', { params: { path: { jobId } } })),
  });

export const pipelineQuery = (jobId: string) =>
  queryOptions({
    queryKey: portalKeys.pipeline(jobId),
    queryFn: () =>
      allPages((cursor) =>
        unwrap(
          api.GET('/portal/jobs/{jobId}/candidates', {
            params: { path: { jobId }, query: { limit: 100, cursor } },
          }),
        ),
      ),
  });

export const requisitionsQuery = queryOptions({
  queryKey: portalKeys.requisitions,
  queryFn: () =>
    allPages((cursor) =>
      unwrap(api.GET('/portal/requisitions', { params: { query: { limit: 100, cursor } } })),
    ),
});

export const requisitionQuery = (reqId: string) =>
  queryOptions({
    queryKey: portalKeys.requisition(reqId),
    queryFn: () => unwrap(api.GET('/portal/requisitions/{reqId}', { params: { path: { reqId } } })),
  });
