import { lazy, Suspense } from 'react';
import { Link, Redirect, Route, Switch } from 'wouter';
import { Loading } from '../../../components/ui/feedback.tsx';
import { Page } from '../../../components/ui/page.tsx';

// One chunk per page; jobs, candidates and requisitions are their own feature folders.
const ContactsPage = lazy(() => import('../contacts/contacts-page.tsx'));
const ContactPage = lazy(() => import('../contacts/contact-page.tsx'));
const OrganizationsPage = lazy(() => import('../organizations/organizations-page.tsx'));
const OrganizationPage = lazy(() => import('../organizations/organization-page.tsx'));
const SettingsPage = lazy(() => import('../settings/settings-page.tsx'));
const JobsPage = lazy(() => import('../jobs/jobs-page.tsx'));
const JobPage = lazy(() => import('../jobs/job-page.tsx'));
const CandidatesPage = lazy(() => import('../candidates/candidates-page.tsx'));
const RequisitionsPage = lazy(() => import('../requisitions/requisitions-page.tsx'));

function NotInConsole() {
  return (
    <Page title="Page not found">
      <p>There is no such page in the recruiter console.</p>
      <Link href="/contacts">Go to the contacts</Link>
    </Page>
  );
}

/** The console's routes, relative to /recruiter. */
export function ConsoleRoutes() {
  return (
    <Suspense fallback={<Loading label="Loading…" />}>
      <Switch>
        <Route path="/">
          <Redirect to="/contacts" replace />
        </Route>
        <Route path="/contacts" component={ContactsPage} />
        <Route path="/contacts/:contactId" component={ContactPage} />
        <Route path="/organizations" component={OrganizationsPage} />
        <Route path="/organizations/:orgId" component={OrganizationPage} />
        <Route path="/settings" component={SettingsPage} />
        <Route path="/jobs" component={JobsPage} />
        <Route path="/jobs/:jobId" component={JobPage} />
        <Route path="/candidates" component={CandidatesPage} />
        <Route path="/requisitions" component={RequisitionsPage} />
        <Route component={NotInConsole} />
      </Switch>
    </Suspense>
  );
}
