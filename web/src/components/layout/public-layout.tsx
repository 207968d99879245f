import type { ReactNode } from 'react';
import { Link } from 'wouter';

/** The frame of the pages a person sees before logging in: sign-up, login, the landing page. */
export function PublicLayout({ children, agency }: { children: ReactNode; agency?: string | undefined }) {
  return (
    <div className="public">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="public-header">
        <Link href="/" className="brand">
          {agency ? `${agency} · Client Portal` : 'Client Portal'}
        </Link>
      </header>
      <main id="main" className="public-main">
        <div className="card">{children}</div>
      </main>
    </div>
  );
}
