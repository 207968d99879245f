import { type FormEvent, useState } from 'react';
import { ErrorMessage, StatusMessage } from '../../../components/ui/feedback.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { fieldErrors } from '../../../lib/api/errors.ts';
import { crmSchemas, warmCrmSchemas } from '../../../lib/crm-schemas.ts';
import { issuesByField } from '../../../lib/zod-errors.ts';
import type { Account } from '../queries.ts';
import { useAccountUpdate } from './use-account-update.ts';

const labels = { portalName: 'Portal name', notificationEmail: 'Notification e-mail' };

/** The name clients and e-mails show, and the address told of client actions (B23). */
export function AccountDetailsForm({ account }: { account: Account }) {
  const update = useAccountUpdate();
  const [portalName, setPortalName] = useState(account.portalName);
  const [notificationEmail, setNotificationEmail] = useState(account.notificationEmail ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const body = { portalName, notificationEmail: notificationEmail.trim() || null };
    const parsed = (await crmSchemas()).accountPatch.safeParse(body);
    if (!parsed.success) {
      setErrors(issuesByField(parsed.error, labels));
      return;
    }
    setErrors({});
    update.mutate(body, {
      onSuccess: () => setSaved(true),
      onError: (error) => setErrors(fieldErrors(error)),
    });
  }

  return (
    <section aria-labelledby="details-title">
      <h2 id="details-title">Name and notifications</h2>
      {saved ? <StatusMessage>The settings were saved.</StatusMessage> : null}
      {update.isError && Object.keys(errors).length === 0 ? (
        <ErrorMessage title="The settings were not saved">{update.error.message}</ErrorMessage>
      ) : null}
      <form className="form" onSubmit={(e) => void submit(e)} onFocus={warmCrmSchemas} noValidate>
        <TextField
          label={labels.portalName}
          hint="Clients see this name in the portal, and e-mails to them come from it."
          value={portalName}
          onChange={(e) => setPortalName(e.target.value)}
          error={errors.portalName}
        />
        <TextField
          label={labels.notificationEmail}
          optional
          type="email"
          hint="Told when a client submits a requisition, or moves or remarks on a candidate."
          value={notificationEmail}
          onChange={(e) => setNotificationEmail(e.target.value)}
          error={errors.notificationEmail}
        />
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={update.isPending}>
            Save settings
          </button>
        </div>
      </form>
    </section>
  );
}
