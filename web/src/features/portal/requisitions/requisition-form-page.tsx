import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useParams } from 'wouter';
import { navigate } from 'wouter/use-browser-location';
import { ErrorMessage, Loading } from '../../../components/ui/feedback.tsx';
import { SelectField, TextArea, TextField } from '../../../components/ui/field.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { api, unwrap } from '../../../lib/api/client.ts';
import type { paths } from '../../../lib/api/schema';
import { fieldErrors } from '../../../lib/api/errors.ts';
import { employmentTypeLabels } from '../../../lib/format.ts';
import { portalSchemas, warmPortalSchemas } from '../../../lib/portal-schemas.ts';
import { issuesByField } from '../../../lib/zod-errors.ts';
import { portalKeys, type PortalRequisition, requisitionQuery } from '../queries.ts';

const labels = {
  title: 'Title',
  description: 'Description',
  qualifications: 'Qualifications',
  location: 'Location',
  employmentType: 'Employment type',
  openings: 'Openings',
  salaryMin: 'Minimum salary',
  salaryMax: 'Maximum salary',
  currency: 'Currency',
};
/** The body of POST /portal/requisitions, from the generated OpenAPI types; a PATCH takes any part of it. */
type RequisitionBody = paths['/portal/requisitions']['post']['requestBody']['content']['application/json'];
type EmploymentType = RequisitionBody['employmentType'];
const isEmploymentType = (t: string): t is EmploymentType => Object.hasOwn(employmentTypeLabels, t);
/** What the fields hold: text as typed, and the employment type the select offers. */
type TextKey = Exclude<keyof typeof labels, 'employmentType'>;
type Values = Record<TextKey, string> & { employmentType: EmploymentType };
const empty: Values = {
  title: '',
  description: '',
  qualifications: '',
  location: '',
  employmentType: 'full_time',
  openings: '1',
  salaryMin: '',
  salaryMax: '',
  currency: '',
};

const fromRequisition = (r: PortalRequisition): Values => ({
  title: r.title,
  description: r.description,
  qualifications: r.qualifications,
  location: r.location,
  employmentType: r.employmentType,
  openings: String(r.openings),
  salaryMin: r.salaryMin === null ? '' : String(r.salaryMin),
  salaryMax: r.salaryMax === null ? '' : String(r.salaryMax),
  currency: r.currency ?? '',
});

const number = (s: string) => (s.trim() === '' ? null : Number(s.replace(/[\s,]/g, '')));
const toBody = (v: Values): RequisitionBody => ({
  title: v.title,
  description: v.description,
  qualifications: v.qualifications,
  location: v.location,
  employmentType: v.employmentType,
  openings: number(v.openings) ?? Number.NaN,
  salaryMin: number(v.salaryMin),
  salaryMax: number(v.salaryMax),
  currency: v.currency.trim() ? v.currency.trim().toUpperCase() : null,
});

/** B13: a new requisition, or the edit of a pending one; the same rules as the API's schemas. */
export default function RequisitionFormPage() {
  const { reqId } = useParams<{ reqId?: string }>();
  const existing = useQuery({ ...requisitionQuery(reqId ?? ''), enabled: reqId !== undefined });
  const [values, setValues] = useState<Values>(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const queryClient = useQueryClient();
  useEffect(() => {
    if (existing.data) setValues(fromRequisition(existing.data));
  }, [existing.data]);

  const save = useMutation({
    mutationFn: (body: RequisitionBody) =>
      reqId
        ? unwrap(api.PATCH('/portal/requisitions/{reqId}', { params: { path: { reqId } }, body }))
        : unwrap(api.POST('/portal/requisitions', { body })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: portalKeys.requisitions });
      navigate('/app/requisitions');
    },
    onError: (error) => setErrors(fieldErrors(error)),
  });

  if (reqId && existing.isError)
    return (
      <Page title="Requisition not found">
        <ErrorMessage>{existing.error.message}</ErrorMessage>
        <Link href="/requisitions">Back to requisitions</Link>
      </Page>
    );
  if (reqId && !existing.data) return <Loading label="Loading the requisition…" />;
  if (existing.data && existing.data.status !== 'pending')
    return (
      <Page title="This requisition can no longer be edited">
        <p>Only requisitions that are still pending review can be changed.</p>
        <Link href="/requisitions">Back to requisitions</Link>
      </Page>
    );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const { requisitionCreate, requisitionPatch } = await portalSchemas();
    const body = toBody(values);
    const parsed = (reqId ? requisitionPatch : requisitionCreate).safeParse(body);
    if (!parsed.success) {
      setErrors(issuesByField(parsed.error, labels));
      return;
    }
    setErrors({});
    save.mutate(body);
  };
  const set = (key: TextKey) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));
  const setEmploymentType = (e: { target: { value: string } }) => {
    const type = e.target.value;
    if (isEmploymentType(type)) setValues((v) => ({ ...v, employmentType: type }));
  };
  const problem = save.error && Object.keys(fieldErrors(save.error)).length === 0 ? save.error : null;
  const errorCount = Object.keys(errors).length;

  return (
    <Page title={reqId ? 'Edit requisition' : 'New requisition'}>
      <p>
        <Link href="/requisitions">← All requisitions</Link>
      </p>
      {problem ? <ErrorMessage title="Not saved">{problem.message}</ErrorMessage> : null}
      {errorCount > 0 ? (
        <ErrorMessage title="Check the form">
          {errorCount === 1 ? 'One field needs your attention.' : `${errorCount} fields need your attention.`}
        </ErrorMessage>
      ) : null}
      <form className="form" onSubmit={(e) => void submit(e)} onFocus={warmPortalSchemas} noValidate>
        <TextField
          label={labels.title}
          required
          value={values.title}
          onChange={set('title')}
          error={errors.title}
          maxLength={200}
        />
        <TextArea
          label={labels.description}
          required
          rows={6}
          value={values.description}
          onChange={set('description')}
          error={errors.description}
          hint="What the person will do, the team, why the role is open."
        />
        <TextArea
          label={labels.qualifications}
          rows={4}
          value={values.qualifications}
          onChange={set('qualifications')}
          error={errors.qualifications}
          hint="Skills, experience and certificates the person needs."
        />
        <TextField
          label={labels.location}
          value={values.location}
          onChange={set('location')}
          error={errors.location}
          hint="City, office or “Remote”."
        />
        <div className="field-row">
          <SelectField
            label={labels.employmentType}
            value={values.employmentType}
            onChange={setEmploymentType}
            error={errors.employmentType}
          >
            {(Object.keys(employmentTypeLabels) as (keyof typeof employmentTypeLabels)[]).map((t) => (
              <option key={t} value={t}>
                {employmentTypeLabels[t]}
              </option>
            ))}
          </SelectField>
          <TextField
            label={labels.openings}
            type="number"
            min={1}
            max={1000}
            inputMode="numeric"
            required
            value={values.openings}
            onChange={set('openings')}
            error={errors.openings}
          />
        </div>
        <fieldset className="fieldset">
          <legend>Salary range (optional)</legend>
          <div className="field-row">
            <TextField
              label={labels.salaryMin}
              inputMode="numeric"
              value={values.salaryMin}
              onChange={set('salaryMin')}
              error={errors.salaryMin}
            />
            <TextField
              label={labels.salaryMax}
              inputMode="numeric"
              value={values.salaryMax}
              onChange={set('salaryMax')}
              error={errors.salaryMax}
            />
            <TextField
              label={labels.currency}
              value={values.currency}
              onChange={set('currency')}
              error={errors.currency}
              maxLength={3}
              hint="Three letters, such as EUR or USD."
            />
          </div>
        </fieldset>
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {reqId ? 'Save changes' : 'Submit requisition'}
          </button>
          <Link href="/requisitions" className="button button-secondary">
            Cancel
          </Link>
        </div>
      </form>
    </Page>
  );
}
