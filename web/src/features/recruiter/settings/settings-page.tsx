import { useQuery } from '@tanstack/react-query';
import { Badge, ErrorMessage, Loading } from '../../../components/ui/feedback.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { useRecruiter } from '../auth/session.ts';
import { type Account, accountQuery } from '../queries.ts';
import { AccountDetailsForm } from './account-details-form.tsx';
import { AddonSwitch } from './addon-switch.tsx';

/** B23: said while no address is told of what clients do. */
function NoNotificationNotice() {
  return (
    <div className="notice notice-warn">
      <p className="notice-title">No one is told of client actions</p>
      <p>
        There is no notification e-mail, so nobody hears when a client submits a requisition or moves or
        remarks on a candidate. Set an address below.
      </p>
    </div>
  );
}

function ReadOnly({ account }: { account: Account }) {
  return (
    <>
      <p className="notice notice-info">
        Only an admin of your agency can change these settings; you are signed in as a recruiter.
      </p>
      <dl className="facts">
        <div>
          <dt>Client Portal add-on</dt>
          <dd>{account.portalEnabled ? <Badge tone="good">On</Badge> : <Badge tone="neutral">Off</Badge>}</dd>
        </div>
        <div>
          <dt>Portal name</dt>
          <dd>{account.portalName}</dd>
        </div>
        <div>
          <dt>Notification e-mail</dt>
          <dd>{account.notificationEmail ?? 'None'}</dd>
        </div>
      </dl>
    </>
  );
}

/** Account settings: the add-on (B1), the portal name, the notification e-mail (B23). */
export default function SettingsPage() {
  const recruiter = useRecruiter();
  const account = useQuery(accountQuery);
  return (
    <Page title="Settings">
      {account.isError ? (
        <ErrorMessage title="The settings could not be loaded">{account.error.message}</ErrorMessage>
      ) : !account.data ? (
        <Loading label="Loading the settings…" />
      ) : (
        <>
          {account.data.notificationEmail ? null : <NoNotificationNotice />}
          {recruiter.role === 'admin' ? (
            <>
              <AddonSwitch account={account.data} />
              <AccountDetailsForm account={account.data} />
            </>
          ) : (
            <ReadOnly account={account.data} />
          )}
        </>
      )}
    </Page>
  );
}
