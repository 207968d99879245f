import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client.ts';
import type { components } from '../../../lib/api/schema';
import { allPages } from '../../../lib/all-pages.ts';
import { crmKeys } from '../queries.ts';

export type Job = components['schemas']['Job'];
export type Submission = components['schemas']['Submission'];
export type Remark = components['schemas']['Remark'];

/** Every job of the account: open ones first, newest first within each. */
export const jobsQuery = queryOptions({
  queryKey: crmKeys.jobs.list,
  queryFn: async () => {
    const items = await allPages((cursor) =>
      unwrap(api.GET('/crm/jobs', { params: { query: { limit: 100, cursor } } })),
    );
    return items.sort((a, b) =>
      a.status === b.status ? b.createdAt.localeCompare(a.createdAt) : a.status === 'open' ? -1 : 1,
    );
  },
});

export const jobQuery = (jobId: string) =>
  queryOptions({
    queryKey: crmKeys.jobs.one(jobId),
    queryFn: () => unwrap(api.GET('/crm/jobs/{jobId}', { params: { path: { jobId } } })),
  });

/** The job's pipeline with every remark, client and internal (B12). */
export const submissionsQuery = (jobId: string) =>
  queryOptions({
    queryKey: crmKeys.jobs.submissions(jobId),
    queryFn: () =>
      allPages((cursor) =>
        unwrap(
          api.GET('/crm/jobs/{jobId}/submissions', {
            params: { path: { jobId }, query: { limit: 100, cursor } },
          }),
        ),
      ),
  });
