import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { ErrorMessage, Loading, StatusMessage } from '../../../components/ui/feedback.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { api, unwrap } from '../../../lib/api/client.ts';
import { ApiError } from '../../../lib/api/errors.ts';
import { ContactList } from '../contacts/contact-list.tsx';
import {
  type Contact,
  crmKeys,
  type Organization,
  organizationContactsQuery,
  organizationQuery,
} from '../queries.ts';
import { OrganizationNameForm } from './organization-name-form.tsx';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** B15 in words: what deleting the organization takes with it. */
export function deletionWarning(name: string, contacts: Contact[]): string {
  const users = contacts.filter((c) => c.portal.status === 'active').length;
  const invited = contacts.filter((c) => c.portal.status === 'invited').length;
  const parts = [
    contacts.length === 0
      ? `${name} has no contacts.`
      : `${plural(contacts.length, 'contact', 'contacts')} of ${name} will be deleted with it.`,
    users > 0
      ? `${plural(users, 'portal user loses', 'portal users lose')} access to the Client Portal at once.`
      : 'No portal user loses access.',
  ];
  if (invited > 0)
    parts.push(`${plural(invited, 'pending invitation stops', 'pending invitations stop')} working.`);
  return parts.join(' ');
}

function OrganizationView({ organization }: { organization: Organization }) {
  const queryClient = useQueryClient();
  const [, setLocation] = useLocation();
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [news, setNews] = useState<string>();
  const contacts = useQuery(organizationContactsQuery(organization.id));
  const remove = useMutation({
    mutationFn: () =>
      unwrap(api.DELETE('/crm/organizations/{orgId}', { params: { path: { orgId: organization.id } } })),
    onSuccess: async () => {
      setDeleting(false);
      queryClient.removeQueries({ queryKey: crmKeys.organizations.one(organization.id) });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: crmKeys.organizations.all }),
        queryClient.invalidateQueries({ queryKey: crmKeys.contacts.all }),
      ]);
      setLocation('/organizations');
    },
  });
  return (
    <Page
      title={organization.name}
      actions={
        <>
          <Link href={`/contacts?organization=${organization.id}&new=1`} className="button button-primary">
            Add a contact
          </Link>
          <button type="button" className="button button-secondary" onClick={() => setRenaming(true)}>
            Rename
          </button>
          <button
            type="button"
            className="button button-danger"
            disabled={!contacts.data}
            onClick={() => setDeleting(true)}
          >
            Delete organization
          </button>
        </>
      }
    >
      {news ? <StatusMessage>{news}</StatusMessage> : null}
      {remove.isError ? (
        <ErrorMessage title="The organization was not deleted">{remove.error.message}</ErrorMessage>
      ) : null}
      {renaming ? (
        <OrganizationNameForm
          organization={organization}
          onSaved={(saved) => {
            setRenaming(false);
            setNews(`The organization is now called ${saved.name}.`);
          }}
          onCancel={() => setRenaming(false)}
        />
      ) : null}
      <h2>Contacts</h2>
      <ContactList organization={organization} />
      <ConfirmDialog
        open={deleting}
        title={`Delete ${organization.name}?`}
        confirmLabel="Delete organization and contacts"
        busy={remove.isPending}
        onConfirm={() => remove.mutate()}
        onCancel={() => setDeleting(false)}
      >
        <p>{deletionWarning(organization.name, contacts.data ?? [])}</p>
        <p>This cannot be undone; the contacts’ Client Portal history is kept.</p>
      </ConfirmDialog>
    </Page>
  );
}

export default function OrganizationPage() {
  const { orgId = '' } = useParams<{ orgId: string }>();
  const organization = useQuery(organizationQuery(orgId));
  if (organization.isPending) return <Loading label="Loading the organization…" />;
  if (organization.isError) {
    const gone = organization.error instanceof ApiError && organization.error.status === 404;
    return (
      <Page title={gone ? 'Organization not found' : 'The organization could not be loaded'}>
        <ErrorMessage>
          {gone ? 'There is no such organization: it may have been deleted.' : organization.error.message}
        </ErrorMessage>
        <p>
          <Link href="/organizations">Back to the organizations</Link>
        </p>
      </Page>
    );
  }
  return <OrganizationView key={organization.data.id} organization={organization.data} />;
}
