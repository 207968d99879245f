import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorMessage } from '../../../components/ui/feedback.tsx';
import { TextArea } from '../../../components/ui/field.tsx';
import { api, unwrap } from '../../../lib/api/client.ts';
import { portalSchemas, warmPortalSchemas } from '../../../lib/portal-schemas.ts';
import { issuesByField } from '../../../lib/zod-errors.ts';
import { reviewRefusal } from './requisition-errors.ts';
import type { Requisition } from './requisition-queries.ts';

/** B14: rejecting needs review remarks; the client reads them in the portal and by e-mail. */
export function RejectForm({
  requisition,
  onDone,
  onCancel,
  onSettled,
}: {
  requisition: Requisition;
  onDone(r: Requisition): void;
  onCancel(): void;
  onSettled(): void;
}) {
  const [remarks, setRemarks] = useState('');
  const [error, setError] = useState<string>();
  const reject = useMutation({
    mutationFn: (body: { remarks: string }) =>
      unwrap(
        api.POST('/crm/requisitions/{reqId}/reject', { params: { path: { reqId: requisition.id } }, body }),
      ),
    onSuccess: onDone,
    onSettled,
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // The reject body is defined once, with the portal's requisition schemas.
    const { requisitionReject } = await portalSchemas();
    const parsed = requisitionReject.safeParse({ remarks });
    if (!parsed.success) {
      const message = issuesByField(parsed.error, { remarks: 'Review remarks' }).remarks;
      return setError(
        message?.startsWith('Enter') ? 'Write the review remarks: why the request is declined.' : message,
      );
    }
    setError(undefined);
    reject.mutate(parsed.data);
  };
  return (
    <form
      className="form inline-form"
      onSubmit={(e) => void submit(e)}
      onFocus={warmPortalSchemas}
      noValidate
      aria-label={`Reject ${requisition.title}`}
    >
      {reject.error ? <ErrorMessage title="Not rejected">{reviewRefusal(reject.error)}</ErrorMessage> : null}
      <TextArea
        label="Review remarks"
        required
        rows={4}
        value={remarks}
        onChange={(e) => setRemarks(e.target.value)}
        error={error}
        hint={`${requisition.submittedBy.name} is e-mailed these remarks, and the portal shows them with the requisition.`}
      />
      <div className="button-row">
        <button type="submit" className="button button-danger" disabled={reject.isPending}>
          Reject requisition
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
