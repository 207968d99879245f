import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { ErrorMessage, Loading, StatusMessage } from '../../../components/ui/feedback.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { ApiError } from '../../../lib/api/errors.ts';
import { ContactList } from '../contacts/contact-list.tsx';
import { type Organization, organizationQuery } from '../queries.ts';
import { DeleteOrganization } from './delete-organization.tsx';
import { OrganizationNameForm } from './organization-name-form.tsx';

function OrganizationView({ organization }: { organization: Organization }) {
  const [, setLocation] = useLocation();
  const [renaming, setRenaming] = useState(false);
  const [news, setNews] = useState<string>();
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
          <DeleteOrganization organization={organization} onDeleted={() => setLocation('/organizations')} />
        </>
      }
    >
      {news ? <StatusMessage>{news}</StatusMessage> : null}
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
