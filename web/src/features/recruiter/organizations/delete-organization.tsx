import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { ErrorMessage, Loading } from '../../../components/ui/feedback.tsx';
import { api, unwrap } from '../../../lib/api/client.ts';
import { type Contact, crmKeys, type Organization, organizationContactsQuery } from '../queries.ts';

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

/**
 * B15: Delete organization. The warning counts the contacts that go and the portal users who lose
 * access, read afresh each time the dialog opens; until they are counted the deletion waits, and
 * if they cannot be loaded the dialog says so and offers to try again.
 */
export function DeleteOrganization({
  organization,
  onDeleted,
}: {
  organization: Organization;
  onDeleted(): void;
}) {
  const queryClient = useQueryClient();
  const contacts = useQuery(organizationContactsQuery(organization.id));
  const [open, setOpen] = useState(false);
  const warning = useRef<HTMLParagraphElement>(null);
  const remove = useMutation({
    mutationFn: () =>
      unwrap(api.DELETE('/crm/organizations/{orgId}', { params: { path: { orgId: organization.id } } })),
    onSuccess: async () => {
      setOpen(false);
      queryClient.removeQueries({ queryKey: crmKeys.organizations.one(organization.id) });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: crmKeys.organizations.all }),
        queryClient.invalidateQueries({ queryKey: crmKeys.contacts.all }),
      ]);
      onDeleted();
    },
  });
  const retry = () =>
    void contacts.refetch().then((result) => {
      if (result.isSuccess) warning.current?.focus();
    });
  const counted = contacts.isSuccess && !contacts.isFetching;

  return (
    <>
      <button
        type="button"
        className="button button-danger"
        onClick={() => {
          remove.reset();
          setOpen(true);
          void contacts.refetch();
        }}
      >
        Delete organization
      </button>
      <ConfirmDialog
        open={open}
        title={`Delete ${organization.name}?`}
        confirmLabel="Delete organization and contacts"
        busy={remove.isPending || !counted}
        onConfirm={() => remove.mutate()}
        onCancel={() => setOpen(false)}
      >
        {remove.isError ? (
          <ErrorMessage title="The organization was not deleted">{remove.error.message}</ErrorMessage>
        ) : null}
        {contacts.isError ? (
          <ErrorMessage title="The contacts could not be counted">
            <p>
              The contacts of {organization.name} could not be loaded ({contacts.error.message}), so this
              cannot say how many go with it or who loses access to the Client Portal. Try again before you
              delete it.
            </p>
            <button type="button" className="button button-secondary" onClick={retry}>
              {contacts.isFetching ? 'Trying again…' : 'Try again'}
            </button>
          </ErrorMessage>
        ) : !counted ? (
          <Loading label={`Counting the contacts of ${organization.name}…`} />
        ) : (
          <p ref={warning} tabIndex={-1}>
            {deletionWarning(organization.name, contacts.data)}
          </p>
        )}
        <p>This cannot be undone; the contacts’ Client Portal history is kept.</p>
      </ConfirmDialog>
    </>
  );
}
