import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { ErrorMessage } from '../../../components/ui/feedback.tsx';
import { api, unwrap } from '../../../lib/api/client.ts';
import { crmKeys } from '../queries.ts';
import { problem } from './job-errors.ts';
import { type Job, submissionsQuery } from './job-queries.ts';

const candidates = (n: number) => (n === 1 ? 'its 1 candidate' : `its ${n} candidates`);

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
  const count = pipeline.data?.length;
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
        <p>
          The job leaves the Client Portal with its pipeline:{' '}
          {job.sharedToPortal ? `${organizationName} will no longer see it, ` : 'clients will never see it, '}
          {count === undefined ? 'its candidates' : candidates(count)} or any remark about them.
        </p>
        <p>The candidates themselves stay in your CRM. This cannot be undone.</p>
      </ConfirmDialog>
    </>
  );
}
