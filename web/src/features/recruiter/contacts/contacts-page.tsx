import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { EmptyState, ErrorMessage, Loading } from '../../../components/ui/feedback.tsx';
import { SelectField } from '../../../components/ui/field.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { useSearchParam } from '../../../lib/search-params.ts';
import { contactsWithoutOrganizationQuery, organizationsQuery } from '../queries.ts';
import { ContactForm } from './contact-form.tsx';
import { ContactList, ContactsWithoutOrganization } from './contact-list.tsx';

/** The filter's value for the contacts without an organization (as in `GET /crm/contacts?organization=none`). */
const none = 'none';

/**
 * Contacts by organization, each with its Client Portal status (B2), and those that belong to no
 * organization in a group of their own (B9), so that "Assign an organization" is a click away.
 */
export default function ContactsPage() {
  const organizations = useQuery(organizationsQuery);
  const unassigned = useQuery(contactsWithoutOrganizationQuery);
  const [, setLocation] = useLocation();
  const chosen = useSearchParam('organization') ?? '';
  const [creating, setCreating] = useState(useSearchParam('new') === '1');
  const shown = (organizations.data ?? []).filter((org) => !chosen || org.id === chosen);
  // With no organizations at all, the group shows only once it has someone in it (or failed to load).
  const showUnassigned =
    !organizations.isPending &&
    (!chosen || chosen === none) &&
    (organizations.data?.length !== 0 || unassigned.isError || (unassigned.data?.length ?? 0) > 0);

  return (
    <Page
      title="Contacts"
      actions={
        creating ? null : (
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            New contact
          </button>
        )
      }
    >
      {creating ? (
        <ContactForm
          organizationId={chosen && chosen !== none ? chosen : undefined}
          onSaved={(contact) => setLocation(`/contacts/${contact.id}`)}
          onCancel={() => setCreating(false)}
        />
      ) : null}
      {organizations.isError ? (
        <ErrorMessage title="The organizations could not be loaded">
          {organizations.error.message}
        </ErrorMessage>
      ) : !organizations.data ? (
        <Loading label="Loading contacts…" />
      ) : organizations.data.length === 0 ? (
        <EmptyState title="No organizations yet">
          <p>
            Contacts belong to the organizations you work for.{' '}
            <Link href="/organizations">Create an organization</Link> first, then add its contacts.
          </p>
        </EmptyState>
      ) : (
        <>
          <div className="filters">
            <SelectField
              label="Show the contacts of"
              value={chosen}
              onChange={(e) =>
                setLocation(e.target.value ? `/contacts?organization=${e.target.value}` : '/contacts')
              }
            >
              <option value="">All organizations</option>
              {organizations.data.map((org) => (
                <option key={org.id} value={org.id}>
                  {org.name}
                </option>
              ))}
              <option value={none}>No organization</option>
            </SelectField>
          </div>
          {shown.map((org) => (
            <section key={org.id} aria-labelledby={`org-${org.id}`}>
              <h2 id={`org-${org.id}`}>
                <Link href={`/organizations/${org.id}`}>{org.name}</Link>
              </h2>
              <ContactList organization={org} />
            </section>
          ))}
        </>
      )}
      {showUnassigned ? (
        <section aria-labelledby="contacts-without-organization">
          <h2 id="contacts-without-organization">No organization</h2>
          <ContactsWithoutOrganization />
        </section>
      ) : null}
    </Page>
  );
}
