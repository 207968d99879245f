import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { navigate } from 'wouter/use-browser-location';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { ErrorMessage, Loading, StatusMessage } from '../../../components/ui/feedback.tsx';
import { type MenuItem, MenuButton } from '../../../components/ui/menu-button.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { ApiError } from '../../../lib/api/errors.ts';
import { type Contact, contactName, contactQuery, organizationQuery } from '../queries.ts';
import { AuditTrail } from './audit-trail.tsx';
import { useContactActions } from './contact-actions.ts';
import { ContactForm } from './contact-form.tsx';
import { EligibilityNotice } from './eligibility-notice.tsx';
import { LastEmailNotice } from './last-email-notice.tsx';
import { PortalSummary } from './portal-summary.tsx';
import { holdsAccess } from './portal-words.ts';

type Confirm = 'revokeInvitation' | 'revokeAccess' | 'delete';

function OrganizationName({ orgId }: { orgId: string | null }) {
  const org = useQuery({ ...organizationQuery(orgId ?? ''), enabled: orgId !== null });
  if (!orgId) return <>None</>;
  return <Link href={`/organizations/${orgId}`}>{org.data?.name ?? 'Open the organization'}</Link>;
}

function menuFor(contact: Contact, act: (action: 'edit' | 'invite' | Confirm) => void): MenuItem[] {
  const { status, eligible } = contact.portal;
  const pending = status === 'invited' || status === 'expired';
  const items: MenuItem[] = [{ label: 'Edit contact', onSelect: () => act('edit') }];
  if (eligible && !pending) items.push({ label: 'Invite to Client Portal', onSelect: () => act('invite') });
  if (eligible && pending) items.push({ label: 'Re-send invitation', onSelect: () => act('invite') });
  if (pending) items.push({ label: 'Revoke invitation', onSelect: () => act('revokeInvitation') });
  if (status === 'active') items.push({ label: 'Revoke portal access', onSelect: () => act('revokeAccess') });
  items.push({ label: 'Delete contact', tone: 'danger', onSelect: () => act('delete') });
  return items;
}

function deleteWarning(contact: Contact) {
  if (contact.portal.status === 'active')
    return `${contact.firstName} loses access to the Client Portal at once.`;
  if (contact.portal.status === 'invited') return 'The pending invitation stops working.';
  return undefined;
}

function ContactProfile({ contact }: { contact: Contact }) {
  const actions = useContactActions(contact.id);
  const [editing, setEditing] = useState(false);
  const [confirm, setConfirm] = useState<Confirm>();
  const [news, setNews] = useState<string>();
  const name = contactName(contact);
  const failed = [actions.invite, actions.revokeInvitation, actions.revokeAccess, actions.remove].find(
    (m) => m.isError,
  );

  const run = (action: 'edit' | 'invite' | Confirm) => {
    setNews(undefined);
    if (action === 'edit') setEditing(true);
    else if (action === 'invite')
      actions.invite.mutate(undefined, {
        onSuccess: () => setNews(`Invitation sent to ${contact.email ?? name}.`),
      });
    else setConfirm(action);
  };

  const confirmed = () => {
    const done = () => setConfirm(undefined);
    if (confirm === 'revokeInvitation')
      actions.revokeInvitation.mutate(undefined, {
        onSuccess: () => setNews('The invitation was revoked: its link no longer works.'),
        onSettled: done,
      });
    if (confirm === 'revokeAccess')
      actions.revokeAccess.mutate(undefined, {
        onSuccess: () => setNews(`${name} no longer has access to the Client Portal.`),
        onSettled: done,
      });
    if (confirm === 'delete')
      actions.remove.mutate(undefined, {
        onSuccess: () =>
          navigate(
            contact.organizationId
              ? `/recruiter/organizations/${contact.organizationId}`
              : '/recruiter/contacts',
          ),
        onSettled: done,
      });
  };

  const dialogs: Record<Confirm, { title: string; label: string; body: string }> = {
    revokeInvitation: {
      title: `Revoke the invitation of ${name}?`,
      label: 'Revoke invitation',
      body: 'The link in the invitation e-mail stops working. You can invite again later.',
    },
    revokeAccess: {
      title: `Revoke the portal access of ${name}?`,
      label: 'Revoke access',
      body: `${contact.firstName} is logged out at once and can no longer log in. You can invite again later.`,
    },
    delete: {
      title: `Delete ${name}?`,
      label: 'Delete contact',
      body: ['The contact is deleted from the CRM.', deleteWarning(contact)].filter(Boolean).join(' '),
    },
  };
  const dialog = confirm ? dialogs[confirm] : undefined;

  return (
    <Page title={name} actions={<MenuButton label="More actions" items={menuFor(contact, run)} />}>
      {news ? <StatusMessage>{news}</StatusMessage> : null}
      {failed?.error ? <ErrorMessage title="That did not work">{failed.error.message}</ErrorMessage> : null}
      <dl className="facts">
        <div>
          <dt>Email</dt>
          <dd>{contact.email ?? 'None'}</dd>
        </div>
        <div>
          <dt>Phone</dt>
          <dd>{contact.phone ?? 'None'}</dd>
        </div>
        <div>
          <dt>Organization</dt>
          <dd>
            <OrganizationName orgId={contact.organizationId} />
          </dd>
        </div>
      </dl>
      <section aria-labelledby="portal-title">
        <h2 id="portal-title">Client Portal access</h2>
        <PortalSummary contact={contact} />
        <LastEmailNotice contact={contact} />
        <EligibilityNotice contact={contact} onEdit={() => setEditing(true)} />
        {holdsAccess(contact.portal) ? (
          <p className="hint">
            Changing the e-mail address or the organization, or deleting the contact, ends the access.
          </p>
        ) : null}
      </section>
      {editing ? (
        <ContactForm
          contact={contact}
          onSaved={() => {
            setEditing(false);
            setNews('The contact was saved.');
          }}
          onCancel={() => setEditing(false)}
        />
      ) : null}
      <AuditTrail contactId={contact.id} status={contact.portal.status} lastEmailAt={contact.lastEmail?.at} />
      <ConfirmDialog
        open={dialog !== undefined}
        title={dialog?.title ?? ''}
        confirmLabel={dialog?.label ?? ''}
        busy={
          actions.revokeAccess.isPending || actions.revokeInvitation.isPending || actions.remove.isPending
        }
        onConfirm={confirmed}
        onCancel={() => setConfirm(undefined)}
      >
        <p>{dialog?.body}</p>
      </ConfirmDialog>
    </Page>
  );
}

export default function ContactPage() {
  const { contactId = '' } = useParams<{ contactId: string }>();
  const contact = useQuery({
    ...contactQuery(contactId),
    // SES reports on an e-mail a moment after it was sent: until it says more than "sent" (or
    // while an invitation waits for its first report), ask again every two seconds, for a minute at most.
    refetchInterval: (query) => {
      const data = query.state.data;
      const waiting =
        data?.lastEmail?.status === 'sent' || (data?.portal.status === 'invited' && !data.lastEmail);
      return waiting && query.state.dataUpdateCount < 30 ? 2_000 : false;
    },
  });
  if (contact.isPending) return <Loading label="Loading the contact…" />;
  if (contact.isError) {
    const gone = contact.error instanceof ApiError && contact.error.status === 404;
    return (
      <Page title={gone ? 'Contact not found' : 'The contact could not be loaded'}>
        <ErrorMessage>
          {gone ? 'There is no such contact: it may have been deleted.' : contact.error.message}
        </ErrorMessage>
        <p>
          <Link href="/contacts">Back to the contacts</Link>
        </p>
        {gone ? <AuditTrail contactId={contactId} /> : null}
      </Page>
    );
  }
  return <ContactProfile key={contact.data.id} contact={contact.data} />;
}
