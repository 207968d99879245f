import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { EmptyState, ErrorMessage, Loading } from '../../../components/ui/feedback.tsx';
import { contactName, type Organization, organizationContactsQuery } from '../queries.ts';
import { PortalStatusBadge } from './portal-status-badge.tsx';

/** One organization's contacts, each with its Client Portal status. */
export function ContactList({ organization }: { organization: Organization }) {
  const contacts = useQuery(organizationContactsQuery(organization.id));
  if (contacts.isPending) return <Loading label={`Loading the contacts of ${organization.name}…`} />;
  if (contacts.isError)
    return (
      <ErrorMessage title="The contacts could not be loaded">
        <p>{contacts.error.message}</p>
        <button type="button" className="button button-secondary" onClick={() => void contacts.refetch()}>
          {contacts.isFetching ? 'Trying again…' : 'Try again'}
        </button>
      </ErrorMessage>
    );
  if (contacts.data.length === 0) return <EmptyState title={`No contacts at ${organization.name} yet`} />;
  return (
    <ul className="cards" aria-label={`Contacts at ${organization.name}`}>
      {contacts.data.map((contact) => (
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
