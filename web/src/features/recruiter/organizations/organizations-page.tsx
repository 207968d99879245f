import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { EmptyState, ErrorMessage, Loading } from '../../../components/ui/feedback.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { formatDate } from '../../../lib/format.ts';
import { organizationsQuery } from '../queries.ts';
import { OrganizationNameForm } from './organization-name-form.tsx';

/** The agency's client organizations. */
export default function OrganizationsPage() {
  const organizations = useQuery(organizationsQuery);
  const [creating, setCreating] = useState(false);
  const [, setLocation] = useLocation();
  return (
    <Page
      title="Organizations"
      actions={
        creating ? null : (
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            New organization
          </button>
        )
      }
    >
      {creating ? (
        <OrganizationNameForm
          onSaved={(org) => setLocation(`/organizations/${org.id}`)}
          onCancel={() => setCreating(false)}
        />
      ) : null}
      {organizations.isError ? (
        <ErrorMessage title="The organizations could not be loaded">
          {organizations.error.message}
        </ErrorMessage>
      ) : !organizations.data ? (
        <Loading label="Loading organizations…" />
      ) : organizations.data.length === 0 ? (
        <EmptyState title="No organizations yet">
          <p>
            Organizations are the companies you recruit for. Create the first one to add its contacts and
            jobs.
          </p>
        </EmptyState>
      ) : (
        <ul className="cards" aria-label="Organizations">
          {organizations.data.map((org) => (
            <li key={org.id} className="card-item">
              <p className="card-title">
                <Link href={`/organizations/${org.id}`}>{org.name}</Link>
              </p>
              <p className="meta">Client since {formatDate(org.createdAt)}</p>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
