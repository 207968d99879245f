import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { ErrorMessage, StatusMessage } from '../../../components/ui/feedback.tsx';
import { api, unwrap } from '../../../lib/api/client.ts';
import { crmKeys } from '../queries.ts';
import { shareRefusal } from './job-errors.ts';
import type { Job } from './job-queries.ts';

/** B10: Share to Client Portal / Unshare, and when sharing is refused, why and how to fix it. */
export function ShareControl({ job, organizationName }: { job: Job; organizationName: string }) {
  const queryClient = useQueryClient();
  const [done, setDone] = useState<string>();
  const toggle = useMutation({
    mutationFn: (share: boolean) =>
      unwrap(
        share
          ? api.PUT('/crm/jobs/{jobId}/portal-share', { params: { path: { jobId: job.id } } })
          : api.DELETE('/crm/jobs/{jobId}/portal-share', { params: { path: { jobId: job.id } } }),
      ),
    onMutate: () => setDone(undefined),
    onSuccess: (saved) => {
      queryClient.setQueryData(crmKeys.jobs.one(job.id), saved);
      void queryClient.invalidateQueries({ queryKey: crmKeys.jobs.list });
      setDone(
        saved.sharedToPortal
          ? `Shared. The portal users of ${organizationName} now see this job and its candidates.`
          : `Unshared. ${organizationName} no longer sees this job in the Client Portal.`,
      );
    },
  });
  const refusal = toggle.error ? shareRefusal(toggle.error) : null;
  return (
    <section aria-labelledby="share-title" className="card">
      <h2 id="share-title">Client Portal</h2>
      <p>
        {job.sharedToPortal
          ? `Shared: every portal user of ${organizationName} sees this job and its pipeline, with the remarks marked visible to the client.`
          : `Not shared: ${organizationName} does not see this job in the Client Portal.`}
      </p>
      {refusal ? (
        <ErrorMessage title={job.sharedToPortal ? 'Not unshared' : 'This job cannot be shared yet'}>
          <ul>
            {refusal.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
          {refusal.addOnOff ? (
            <p>
              <Link href="/settings">Open Settings</Link>
            </p>
          ) : null}
        </ErrorMessage>
      ) : null}
      {done ? <StatusMessage>{done}</StatusMessage> : null}
      <div className="button-row">
        <button
          type="button"
          className={`button ${job.sharedToPortal ? 'button-secondary' : 'button-primary'}`}
          disabled={toggle.isPending}
          onClick={() => toggle.mutate(!job.sharedToPortal)}
        >
          {job.sharedToPortal ? 'Unshare' : 'Share to Client Portal'}
        </button>
      </div>
    </section>
  );
}
