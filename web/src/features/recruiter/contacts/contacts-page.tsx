import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { EmptyState, ErrorMessage, Loading } from '../../../components/ui/feedback.tsx';
import { SelectField } from '../../../components/ui/field.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { useSearchParam } from '../../../lib/search-params.ts';
import { organizationsQuery } from '../queries.ts';
import { ContactForm } from './contact-form.tsx';
import { ContactList } from './contact-list.tsx';

/** Contacts by organization, each with its Client Portal status (B2). */
export default function ContactsPage() {
  const organizations = useQuery(organizationsQuery);
  const [, setLocation] = useLocation();
  const chosen = useSearchParam('organization') ?? '';
  const [creating, setCreating] = useState(useSearchParam('new') === '1');
  const shown = (organizations.data ?? []).filter((org) => !chosen || org.id === chosen);

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
          organizationId={chosen || undefined}
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
          <p className="hint">
            A contact without an organization is not listed here; it cannot use the Client Portal until it
            belongs to one.
          </p>
        </>
      )}
    </Page>
  );
}
