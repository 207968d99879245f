import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { ErrorMessage } from '../../../components/ui/feedback.tsx';
import { SelectField, TextArea } from '../../../components/ui/field.tsx';
import { api, unwrap } from '../../../lib/api/client.ts';
import { ApiError } from '../../../lib/api/errors.ts';
import { crmSchemas, warmCrmSchemas } from '../../../lib/crm-schemas.ts';
import type { paths } from '../../../lib/api/schema';
import { stageLabels, stageOrder } from '../../../lib/format.ts';
import { issuesByField } from '../../../lib/zod-errors.ts';
import { crmKeys } from '../queries.ts';
import type { Job, Submission } from './job-queries.ts';

type Visibility = 'internal' | 'client';
type SubmissionPatch =
  paths['/crm/jobs/{jobId}/submissions/{submissionId}']['patch']['requestBody']['content']['application/json'];

function refusal(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong. Please try again.';
  if (error.status === 404) return 'This candidate is no longer on this job.';
  if (error.status === 409)
    return 'Someone changed this candidate at the same moment. The pipeline now shows the current state; check it and try again.';
  return error.message;
}

/** A recruiter's move (into any stage) or remark, Internal by default or Visible to the client (B12). */
export function SubmissionForm({
  mode,
  job,
  submission,
  onDone,
  onCancel,
}: {
  mode: 'move' | 'remark';
  job: Job;
  submission: Submission;
  onDone(message: string): void;
  onCancel(): void;
}) {
  const [stage, setStage] = useState('');
  const [text, setText] = useState('');
  const [visibility, setVisibility] = useState<Visibility>('internal');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const groupId = useId();
  const queryClient = useQueryClient();
  const name = submission.candidate.name;
  const save = useMutation({
    mutationFn: (body: SubmissionPatch) =>
      unwrap(
        api.PATCH('/crm/jobs/{jobId}/submissions/{submissionId}', {
          params: { path: { jobId: job.id, submissionId: submission.id } },
          body,
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: crmKeys.jobs.submissions(job.id) }),
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const { submissionPatch } = await crmSchemas();
    const body = {
      ...(mode === 'move' ? { stage } : {}),
      ...(text.trim() || mode === 'remark' ? { remark: text } : {}),
      remarkVisibility: visibility,
    };
    const parsed = submissionPatch.safeParse(body);
    const found = parsed.success ? {} : issuesByField(parsed.error, { stage: 'New stage', remark: 'Remark' });
    delete found['(form)']; // "a stage or a remark": each mode asks for its own field
    if (mode === 'move' && !stage) found.stage = 'Choose the new stage.';
    setErrors(found);
    if (!parsed.success || Object.keys(found).length > 0) return;
    save.mutate(parsed.data, {
      onSuccess: (s) =>
        onDone(mode === 'move' ? `${name} moved to ${stageLabels[s.stage]}.` : `Remark added to ${name}.`),
    });
  };
  return (
    <form
      className="form inline-form"
      onSubmit={(e) => void submit(e)}
      onFocus={warmCrmSchemas}
      noValidate
      aria-label={mode === 'move' ? `Move ${name}` : `Remark on ${name}`}
    >
      {save.error ? (
        <ErrorMessage title={mode === 'move' ? 'Not moved' : 'Remark not added'}>
          {refusal(save.error)}
        </ErrorMessage>
      ) : null}
      {mode === 'move' ? (
        <SelectField
          label="New stage"
          required
          value={stage}
          onChange={(e) => setStage(e.target.value)}
          error={errors.stage}
        >
          <option value="">Choose a stage</option>
          {stageOrder
            .filter((s) => s !== submission.stage)
            .map((s) => (
              <option key={s} value={s}>
                {stageLabels[s]}
              </option>
            ))}
        </SelectField>
      ) : null}
      <TextArea
        label="Remark"
        optional={mode === 'move'}
        required={mode === 'remark'}
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={errors.remark}
      />
      <fieldset className="fieldset" aria-describedby={`${groupId}-hint`}>
        <legend>Who sees this {mode === 'move' ? 'move' : 'remark'}</legend>
        <p className="hint" id={`${groupId}-hint`}>
          Remarks visible to the client appear in the Client Portal with your name, when the job is shared.
        </p>
        <div className="field-row choices">
          {(['internal', 'client'] as const).map((v) => (
            <label key={v} className="choice">
              <input
                type="radio"
                name={`${groupId}-visibility`}
                value={v}
                checked={visibility === v}
                onChange={() => setVisibility(v)}
              />{' '}
              {v === 'internal' ? 'Internal' : 'Visible to the client'}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {mode === 'move' ? 'Move candidate' : 'Add remark'}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
