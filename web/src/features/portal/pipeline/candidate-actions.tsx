import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorMessage } from '../../../components/ui/feedback.tsx';
import { SelectField, TextArea } from '../../../components/ui/field.tsx';
import { api, unwrap } from '../../../lib/api/client.ts';
import { ApiError } from '../../../lib/api/errors.ts';
import { stageLabels, type StageName } from '../../../lib/format.ts';
import { portalSchemas, warmPortalSchemas } from '../../../lib/portal-schemas.ts';
import { issuesByField } from '../../../lib/zod-errors.ts';
import { portalKeys, type PortalJob, type PortalSubmission } from '../queries.ts';

interface ActionProps {
  job: PortalJob;
  submission: PortalSubmission;
  onDone(message: string): void;
  onCancel(): void;
}

/** After any answer, the pipeline is read again: on a 409/422 the page shows the true state. */
function usePipelineAction<V>(job: PortalJob, call: (v: V) => Promise<PortalSubmission>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSettled: () => queryClient.invalidateQueries({ queryKey: portalKeys.pipeline(job.id) }),
  });
}

function refusal(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong. Please try again.';
  if (error.code === 'stage_not_allowed')
    return 'Your recruiter does not allow moving candidates to that stage any more. The list below shows the current choices.';
  if (error.status === 409)
    return 'Someone changed this candidate at the same moment. The pipeline now shows the current state; check it and try again.';
  if (error.status === 404) return 'This candidate is no longer on this job.';
  return error.message;
}

export function MoveForm({
  job,
  submission,
  targets,
  onDone,
  onCancel,
}: ActionProps & { targets: StageName[] }) {
  const [stage, setStage] = useState<string>('');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const action = usePipelineAction(job, (body: { stage: StageName; remark?: string }) =>
    unwrap(
      api.POST('/portal/jobs/{jobId}/candidates/{submissionId}/moves', {
        params: { path: { jobId: job.id, submissionId: submission.id } },
        body,
      }),
    ),
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const { move } = await portalSchemas();
    const body = { stage, ...(text.trim() ? { remark: text } : {}) };
    const parsed = move.safeParse(body);
    if (!parsed.success)
      return setErrors(issuesByField(parsed.error, { stage: 'New stage', remark: 'Remark' }));
    setErrors({});
    action.mutate(parsed.data, {
      onSuccess: (s) => onDone(`${submission.candidate.name} moved to ${stageLabels[s.stage]}.`),
    });
  };
  return (
    <form
      className="form inline-form"
      onSubmit={(e) => void submit(e)}
      onFocus={warmPortalSchemas}
      noValidate
      aria-label={`Move ${submission.candidate.name}`}
    >
      {action.error ? <ErrorMessage title="Not moved">{refusal(action.error)}</ErrorMessage> : null}
      <SelectField
        label="New stage"
        value={stage}
        onChange={(e) => setStage(e.target.value)}
        error={errors.stage}
        required
      >
        <option value="">Choose a stage</option>
        {targets.map((s) => (
          <option key={s} value={s}>
            {stageLabels[s]}
          </option>
        ))}
      </SelectField>
      <TextArea
        label="Remark"
        optional
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={errors.remark}
        hint="Your recruiter sees it, and so does your organization."
      />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={action.isPending}>
          Move candidate
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function RemarkForm({ job, submission, onDone, onCancel }: ActionProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const action = usePipelineAction(job, (body: { remark: string }) =>
    unwrap(
      api.POST('/portal/jobs/{jobId}/candidates/{submissionId}/remarks', {
        params: { path: { jobId: job.id, submissionId: submission.id } },
        body,
      }),
    ),
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const { remark: remarkSchema } = await portalSchemas();
    const parsed = remarkSchema.safeParse({ remark: text });
    if (!parsed.success) return setError(issuesByField(parsed.error, { remark: 'Remark' }).remark);
    setError(undefined);
    action.mutate(parsed.data, { onSuccess: () => onDone('Remark added.') });
  };
  return (
    <form
      className="form inline-form"
      onSubmit={(e) => void submit(e)}
      onFocus={warmPortalSchemas}
      noValidate
      aria-label={`Remark on ${submission.candidate.name}`}
    >
      {action.error ? <ErrorMessage title="Remark not added">{refusal(action.error)}</ErrorMessage> : null}
      <TextArea
        label="Remark"
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={error}
        required
        hint="Your recruiter sees it, and so does your organization."
      />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={action.isPending}>
          Add remark
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
