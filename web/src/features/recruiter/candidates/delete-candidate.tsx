import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { ErrorMessage } from '../../../components/ui/feedback.tsx';
import { api, unwrap } from '../../../lib/api/client.ts';
import { crmKeys } from '../queries.ts';
import { type Candidate, candidateName } from './candidate-queries.ts';

/** B18: deleting a candidate takes them out of every pipeline; the dialog says so first. */
export function DeleteCandidate({
  candidate,
  onDeleted,
}: {
  candidate: Candidate;
  onDeleted(message: string): void;
}) {
  const [open, setOpen] = useState(false);
  const queryClient = useQueryClient();
  const name = candidateName(candidate);
  const remove = useMutation({
    mutationFn: () =>
      unwrap(
        api.DELETE('/crm/candidates/{candidateId}', { params: { path: { candidateId: candidate.id } } }),
      ),
    onSuccess: () => {
      setOpen(false);
      void queryClient.invalidateQueries({ queryKey: crmKeys.candidates.all });
      // Every job's pipeline may have held this candidate.
      void queryClient.invalidateQueries({
        queryKey: crmKeys.jobs.all,
        predicate: (q) => q.queryKey[3] === 'submissions',
      });
      onDeleted(`${name} was deleted and left every pipeline.`);
    },
  });
  return (
    <>
      <button
        type="button"
        className="button button-danger"
        aria-label={`Delete ${name}`}
        onClick={() => setOpen(true)}
      >
        Delete
      </button>
      <ConfirmDialog
        open={open}
        title={`Delete ${name}?`}
        confirmLabel="Delete candidate"
        busy={remove.isPending}
        onConfirm={() => remove.mutate()}
        onCancel={() => {
          remove.reset();
          setOpen(false);
        }}
      >
        {remove.error ? <ErrorMessage title="Not deleted">{remove.error.message}</ErrorMessage> : null}
        <p>
          {name} leaves every pipeline they were submitted to, with the remarks about them. Clients no longer
          see them in the Client Portal.
        </p>
        <p>This cannot be undone.</p>
      </ConfirmDialog>
    </>
  );
}
