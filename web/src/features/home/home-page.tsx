import { Link } from 'wouter';
import { PublicLayout } from '../../components/layout/public-layout.tsx';
import { Page } from '../../components/ui/page.tsx';

const isLocal = ['localhost', '127.0.0.1'].includes(window.location.hostname);

export default function HomePage() {
  return (
    <PublicLayout>
      <Page title="Welcome" heading="Client Portal">
        <p>
          Submit job requisitions to your recruiting agency, follow the jobs it shares with your organization
          and review the candidates it puts forward.
        </p>
        <nav aria-label="Where to go" className="link-list">
          <Link href="/login" className="button button-primary">
            Log in to the Client Portal
          </Link>
          <p className="hint">New here? Open the Join Client Portal link in your invitation e-mail.</p>
          <Link href="/recruiter">Recruiter console</Link>
          <Link href="/docs/api">API reference</Link>
          {isLocal ? <a href="/_local/">Local stack: mail viewer, health and tools</a> : null}
        </nav>
      </Page>
    </PublicLayout>
  );
}
