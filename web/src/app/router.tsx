import { lazy, Suspense } from 'react';
import { Redirect, Route, Switch } from 'wouter';
import { Loading } from '../components/ui/feedback.tsx';

// Each area is its own chunk: the sign-up and login pages load none of the portal app's code.
const Home = lazy(() => import('../features/home/home-page.tsx'));
const Signup = lazy(() => import('../features/signup/signup-page.tsx'));
const Login = lazy(() => import('../features/login/login-page.tsx'));
const LoginContinue = lazy(() => import('../features/login/login-continue-page.tsx'));
const PortalApp = lazy(() => import('../features/portal/portal-app.tsx'));
const Recruiter = lazy(() => import('../features/recruiter/recruiter-app.tsx'));
const ApiReference = lazy(() => import('../features/api-docs/api-reference-page.tsx'));
const NotFound = lazy(() => import('../features/home/not-found-page.tsx'));

export function AppRoutes() {
  return (
    <Suspense fallback={<Loading label="Loading…" />}>
      <Switch>
        <Route path="/" component={Home} />
        <Route path="/signup" component={Signup} />
        <Route path="/login" component={Login} />
        <Route path="/login/continue" component={LoginContinue} />
        <Route path="/app" nest component={PortalApp} />
        <Route path="/recruiter" nest component={Recruiter} />
        <Route path="/docs/api" component={ApiReference} />
        <Route path="/docs">
          <Redirect to="/docs/api" replace />
        </Route>
        <Route component={NotFound} />
      </Switch>
    </Suspense>
  );
}
