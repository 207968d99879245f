import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { ErrorMessage } from '../../../components/ui/feedback.tsx';
import { SelectField, TextField } from '../../../components/ui/field.tsx';
import { api, unwrap } from '../../../lib/api/client.ts';
import { fieldErrors } from '../../../lib/api/errors.ts';
import { crmSchemas, warmCrmSchemas } from '../../../lib/crm-schemas.ts';
import { issuesByField } from '../../../lib/zod-errors.ts';
import { type Contact, contactName, crmKeys, organizationsQuery } from '../queries.ts';
import { holdsAccess } from './portal-words.ts';

const labels = {
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
  phone: 'Phone',
  organizationId: 'Organization',
};
type Values = Record<keyof typeof labels, string>;

const valuesOf = (contact?: Contact, organizationId?: string): Values => ({
  firstName: contact?.firstName ?? '',
  lastName: contact?.lastName ?? '',
  email: contact?.email ?? '',
  phone: contact?.phone ?? '',
  organizationId: contact?.organizationId ?? organizationId ?? '',
});

const orNull = (value: string) => (value.trim() ? value.trim() : null);

/** What saving would end, in words (B17): empty when the change leaves the access alone. */
function accessWarning(contact: Contact | undefined, values: Values): string | undefined {
  if (!contact || !holdsAccess(contact.portal)) return undefined;
  const emailChanged = orNull(values.email) !== contact.email;
  const orgChanged = (values.organizationId || null) !== contact.organizationId;
  if (!emailChanged && !orgChanged) return undefined;
  const what =
    emailChanged && orgChanged
      ? 'the e-mail address and the organization'
      : emailChanged
        ? 'the e-mail address'
        : values.organizationId
          ? 'the organization'
          : 'the organization (to none)';
  const ends =
    contact.portal.status === 'active'
      ? `${contact.firstName} loses access to the Client Portal at once`
      : `the pending invitation stops working`;
  return `Changing ${what} ends portal access: ${ends}. You can invite ${contact.firstName} again afterwards.`;
}

/** Create a contact, or edit one (then changes that end portal access are confirmed first). */
export function ContactForm({
  contact,
  organizationId,
  onSaved,
  onCancel,
}: {
  contact?: Contact;
  organizationId?: string | undefined;
  onSaved(contact: Contact): void;
  onCancel(): void;
}) {
  const queryClient = useQueryClient();
  const organizations = useQuery(organizationsQuery);
  const [values, setValues] = useState<Values>(() => valuesOf(contact, organizationId));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const warning = accessWarning(contact, values);

  const save = useMutation({
    mutationFn: async () => {
      const body = {
        firstName: values.firstName,
        lastName: values.lastName,
        email: orNull(values.email),
        phone: orNull(values.phone),
        organizationId: values.organizationId || null,
      };
      const schemas = await crmSchemas();
      const parsed = (contact ? schemas.contactPatch : schemas.contactCreate).safeParse(body);
      if (!parsed.success) {
        setErrors(issuesByField(parsed.error, labels));
        throw new Error('Check the fields marked below.');
      }
      return contact
        ? unwrap(
            api.PATCH('/crm/contacts/{contactId}', { params: { path: { contactId: contact.id } }, body }),
          )
        : unwrap(api.POST('/crm/contacts', { body }));
    },
    onSuccess: async (saved) => {
      setConfirming(false);
      queryClient.setQueryData(crmKeys.contacts.one(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: crmKeys.contacts.all });
      onSaved(saved);
    },
    onError: (error) => {
      setConfirming(false);
      const fromApi = fieldErrors(error);
      if (Object.keys(fromApi).length > 0) setErrors(fromApi);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    if (warning) setConfirming(true);
    else save.mutate();
  }

  const set = (field: keyof Values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));
  const title = contact ? `Edit ${contactName(contact)}` : 'New contact';

  return (
    <>
      <section className="inline-form" aria-labelledby="contact-form-title">
        <h2 id="contact-form-title">{title}</h2>
        {save.isError ? (
          <ErrorMessage title="The contact was not saved">{save.error.message}</ErrorMessage>
        ) : null}
        <form className="form" onSubmit={submit} onFocus={warmCrmSchemas} noValidate>
          <div className="field-row">
            <TextField
              label={labels.firstName}
              autoComplete="off"
              value={values.firstName}
              onChange={set('firstName')}
              error={errors.firstName}
            />
            <TextField
              label={labels.lastName}
              autoComplete="off"
              value={values.lastName}
              onChange={set('lastName')}
              error={errors.lastName}
            />
          </div>
          <TextField
            label={labels.email}
            optional
            type="email"
            autoComplete="off"
            hint="The Client Portal invitation goes to this address."
            value={values.email}
            onChange={set('email')}
            error={errors.email}
          />
          <TextField
            label={labels.phone}
            optional
            type="tel"
            autoComplete="off"
            value={values.phone}
            onChange={set('phone')}
            error={errors.phone}
          />
          <SelectField
            label={labels.organizationId}
            optional
            value={values.organizationId}
            onChange={set('organizationId')}
            error={errors.organizationId}
            hint={organizations.isError ? 'The organizations could not be loaded.' : undefined}
          >
            <option value="">No organization</option>
            {(organizations.data ?? []).map((org) => (
              <option key={org.id} value={org.id}>
                {org.name}
              </option>
            ))}
          </SelectField>
          {warning ? (
            <div className="notice notice-warn">
              <p className="notice-title">Portal access ends</p>
              <p>{warning}</p>
            </div>
          ) : null}
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={save.isPending}>
              {contact ? 'Save changes' : 'Create contact'}
            </button>
            <button type="button" className="button button-secondary" onClick={onCancel}>
              Cancel
            </button>
          </div>
        </form>
      </section>
      <ConfirmDialog
        open={confirming}
        title="End portal access?"
        confirmLabel="Save and end access"
        busy={save.isPending}
        onConfirm={() => save.mutate()}
        onCancel={() => setConfirming(false)}
      >
        <p>{warning}</p>
      </ConfirmDialog>
    </>
  );
}
