import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Link, Redirect, Route, Switch, useRoute } from 'wouter';
import { navigate } from 'wouter/use-browser-location';
import { ErrorMessage, Loading } from '../../components/ui/feedback.tsx';
import { api, unwrap } from '../../lib/api/client.ts';
import { meQuery } from './queries.ts';

const JobsPage = lazy(() => import('./jobs/jobs-page.tsx'));
const JobPage = lazy(() => import('./jobs/job-page.tsx'));
const RequisitionsPage = lazy(() => import('./requisitions/requisitions-page.tsx'));
const RequisitionFormPage = lazy(() => import('./requisitions/requisition-form-page.tsx'));

function NavLink({ href, children }: { href: string; children: string }) {
  const [active] = useRoute(`${href}/*?`);
  return (
    <Link href={href} className="nav-link" aria-current={active ? 'page' : undefined}>
      {children}
    </Link>
  );
}

/** The portal: header with agency and organization, navigation, the user and Log out. */
export default function PortalApp() {
  const me = useQuery(meQuery);
  const queryClient = useQueryClient();
  const logOut = useMutation({
    mutationFn: () => unwrap(api.DELETE('/portal/sessions/current', {})),
    onSettled: () => {
      queryClient.clear();
      navigate('/login?ended=logged_out', { replace: true });
    },
  });

  if (me.isError)
    return (
      <main id="main" className="public-main">
        <ErrorMessage title="The portal could not be opened">{me.error.message}</ErrorMessage>
      </main>
    );
  if (!me.data) return <Loading label="Opening the Client Portal…" />;
  const { user, organization, agency } = me.data;
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-brand">
          <span className="brand">{agency.name}</span>
          <span className="org">Client Portal for {organization.name}</span>
        </div>
        <nav aria-label="Portal" className="app-nav">
          <NavLink href="/jobs">Jobs</NavLink>
          <NavLink href="/requisitions">Requisitions</NavLink>
        </nav>
        <div className="app-user">
          <span className="user-name">
            {user.firstName} {user.lastName}
          </span>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => logOut.mutate()}
            disabled={logOut.isPending}
          >
            Log out
          </button>
        </div>
      </header>
      <main id="main" className="app-main">
        <Suspense fallback={<Loading label="Loading…" />}>
          <Switch>
            <Route path="/jobs" component={JobsPage} />
            <Route path="/jobs/:jobId" component={JobPage} />
            <Route path="/requisitions" component={RequisitionsPage} />
            <Route path="/requisitions/new" component={RequisitionFormPage} />
            <Route path="/requisitions/:reqId/edit" component={RequisitionFormPage} />
            <Route>
              <Redirect to="/jobs" replace />
            </Route>
          </Switch>
        </Suspense>
      </main>
    </div>
  );
}
