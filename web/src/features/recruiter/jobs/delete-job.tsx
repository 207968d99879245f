import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { ErrorMessage } from '../../../components/ui/feedback.tsx';
import { api, unwrap } from '../../../lib/api/client.ts';
import { crmKeys } from '../queries.ts';
import { problem } from './job-errors.ts';
import { type Job, submissionsQuery } from './job-queries.ts';

const candidates = (n: number) => (n === 1 ? '1 candidate' : `${n} candidates`);

function warning(job: Job, organizationName: string, count: number | undefined): string {
  const who = count === undefined ? 'its candidates' : `its ${candidates(count)}`;
  if (job.sharedToPortal)
    return `The job leaves the Client Portal with its pipeline: ${organizationName} will no longer see it, ${who} or any remark about them.`;
  if (!count) return 'The job is deleted. It is not shared, so no client sees it now.';
  return `The job is deleted with its pipeline (${candidates(count)} and the remarks about them). It is not shared, so no client sees it now.`;
}

/** B18: deleting a job takes it out of the portal with its pipeline; the dialog says so first. */
export function DeleteJob({
  job,
  organizationName,
  onDeleted,
}: {
  job: Job;
  organizationName: string;
  onDeleted(): void;
}) {
  const [open, setOpen] = useState(false);
  const pipeline = useQuery(submissionsQuery(job.id));
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE('/crm/jobs/{jobId}', { params: { path: { jobId: job.id } } })),
    onSuccess: () => {
      setOpen(false);
      queryClient.removeQueries({ queryKey: crmKeys.jobs.one(job.id) });
      void queryClient.invalidateQueries({ queryKey: crmKeys.jobs.list });
      onDeleted();
    },
  });
  return (
    <>
      <button type="button" className="button button-danger" onClick={() => setOpen(true)}>
        Delete job
      </button>
      <ConfirmDialog
        open={open}
        title={`Delete “${job.title}”?`}
        confirmLabel="Delete job"
        busy={remove.isPending}
        onConfirm={() => remove.mutate()}
        onCancel={() => {
          remove.reset();
          setOpen(false);
        }}
      >
        {remove.error ? <ErrorMessage title="Not deleted">{problem(remove.error)}</ErrorMessage> : null}
        <p>{warning(job, organizationName, pipeline.data?.length)}</p>
        <p>The candidates themselves stay in your CRM. This cannot be undone.</p>
      </ConfirmDialog>
    </>
  );
}
