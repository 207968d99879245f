import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { EmptyState, ErrorMessage, Loading } from '../../../components/ui/feedback.tsx';
import {
  type Contact,
  contactName,
  contactsWithoutOrganizationQuery,
  type Organization,
  organizationContactsQuery,
} from '../queries.ts';
import { PortalStatusBadge } from './portal-status-badge.tsx';

/** Contacts as cards: the name (to the profile), the e-mail address and the Client Portal status. */
function ContactCards({ contacts, label }: { contacts: Contact[]; label: string }) {
  return (
    <ul className="cards" aria-label={label}>
      {contacts.map((contact) => (
        <li key={contact.id} className="card-item contact-item">
          <div>
            <p className="card-title">
              <Link href={`/contacts/${contact.id}`}>{contactName(contact)}</Link>
            </p>
            <p className="meta">{contact.email ?? 'No e-mail address'}</p>
          </div>
          <PortalStatusBadge portal={contact.portal} />
        </li>
      ))}
    </ul>
  );
}

/** Asks the list again after a failed load. */
function TryAgain({ query }: { query: { isFetching: boolean; refetch: () => Promise<unknown> } }) {
  return (
    <button type="button" className="button button-secondary" onClick={() => void query.refetch()}>
      {query.isFetching ? 'Trying again…' : 'Try again'}
    </button>
  );
}

/** One organization's contacts, each with its Client Portal status. */
export function ContactList({ organization }: { organization: Organization }) {
  const contacts = useQuery(organizationContactsQuery(organization.id));
  if (contacts.isPending) return <Loading label={`Loading the contacts of ${organization.name}…`} />;
  if (contacts.isError)
    return (
      <ErrorMessage title="The contacts could not be loaded">
        <p>{contacts.error.message}</p>
        <TryAgain query={contacts} />
      </ErrorMessage>
    );
  if (contacts.data.length === 0) return <EmptyState title={`No contacts at ${organization.name} yet`} />;
  return <ContactCards contacts={contacts.data} label={`Contacts at ${organization.name}`} />;
}

/**
 * The contacts that belong to no organization (B9): they cannot be invited until they do, and
 * their profile offers "Assign an organization".
 */
export function ContactsWithoutOrganization() {
  const contacts = useQuery(contactsWithoutOrganizationQuery);
  if (contacts.isPending) return <Loading label="Loading the contacts without an organization…" />;
  if (contacts.isError)
    return (
      <ErrorMessage title="The contacts without an organization could not be loaded">
        <p>{contacts.error.message}</p>
        <TryAgain query={contacts} />
      </ErrorMessage>
    );
  if (contacts.data.length === 0) return <EmptyState title="No contacts without an organization" />;
  return (
    <>
      <p className="hint">
        These contacts cannot be invited to the Client Portal until they belong to an organization. Open one
        and choose <strong>Assign an organization</strong>.
      </p>
      <ContactCards contacts={contacts.data} label="Contacts without an organization" />
    </>
  );
}
