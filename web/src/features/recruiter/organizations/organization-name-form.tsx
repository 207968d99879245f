import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorMessage } from '../../../components/ui/feedback.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { api, unwrap } from '../../../lib/api/client.ts';
import { fieldErrors } from '../../../lib/api/errors.ts';
import { crmSchemas, warmCrmSchemas } from '../../../lib/crm-schemas.ts';
import { issuesByField } from '../../../lib/zod-errors.ts';
import { crmKeys, type Organization } from '../queries.ts';

/** Create an organization, or rename one. */
export function OrganizationNameForm({
  organization,
  onSaved,
  onCancel,
}: {
  organization?: Organization;
  onSaved(organization: Organization): void;
  onCancel(): void;
}) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(organization?.name ?? '');
  const [error, setError] = useState<string>();
  const save = useMutation({
    mutationFn: async () => {
      const body = { name };
      const parsed = (await crmSchemas()).organizationCreate.safeParse(body);
      if (!parsed.success) {
        setError(issuesByField(parsed.error, { name: 'Name' }).name);
        throw new Error('Check the name.');
      }
      return organization
        ? unwrap(
            api.PATCH('/crm/organizations/{orgId}', { params: { path: { orgId: organization.id } }, body }),
          )
        : unwrap(api.POST('/crm/organizations', { body }));
    },
    onSuccess: async (saved) => {
      queryClient.setQueryData(crmKeys.organizations.one(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: crmKeys.organizations.all });
      onSaved(saved);
    },
    onError: (e) => setError((current) => fieldErrors(e).name ?? current),
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    save.mutate();
  }
  const title = organization ? `Rename ${organization.name}` : 'New organization';
  return (
    <section className="inline-form" aria-labelledby="org-form-title">
      <h2 id="org-form-title">{title}</h2>
      {save.isError && !error ? (
        <ErrorMessage title="The organization was not saved">{save.error.message}</ErrorMessage>
      ) : null}
      <form className="form" onSubmit={submit} onFocus={warmCrmSchemas} noValidate>
        <TextField
          label="Name"
          autoComplete="organization"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={error}
        />
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {organization ? 'Save name' : 'Create organization'}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
