import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useRoute } from 'wouter';
import type { AuthConfig } from '../auth/auth-config.ts';
import { useRecruiter } from '../auth/session.ts';
import { signOut } from '../auth/sign-out.ts';
import { accountQuery, pendingRequisitionsCountQuery } from '../queries.ts';

function NavLink({ href, children, badge }: { href: string; children: string; badge?: ReactNode }) {
  const [active] = useRoute(`${href}/*?`);
  return (
    <Link href={href} className="nav-link" aria-current={active ? 'page' : undefined}>
      {children}
      {badge}
    </Link>
  );
}

function PendingBadge() {
  const pending = useQuery({ ...pendingRequisitionsCountQuery, refetchInterval: 60_000 });
  if (!pending.data) return null;
  return (
    <span className="nav-badge">
      {pending.data}
      <span className="visually-hidden"> pending</span>
    </span>
  );
}

/** The console's frame: the agency, the navigation, who is signed in and Sign out. */
export function ConsoleLayout({ config, children }: { config: AuthConfig; children: ReactNode }) {
  const recruiter = useRecruiter();
  const account = useQuery(accountQuery);
  const queryClient = useQueryClient();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-brand">
          <span className="brand">{account.data?.portalName ?? 'Recruiter console'}</span>
          <span className="org">Recruiter console</span>
        </div>
        <nav aria-label="Recruiter console" className="app-nav console-nav">
          <NavLink href="/contacts">Contacts</NavLink>
          <NavLink href="/organizations">Organizations</NavLink>
          <NavLink href="/jobs">Jobs</NavLink>
          <NavLink href="/candidates">Candidates</NavLink>
          <NavLink href="/requisitions" badge={<PendingBadge />}>
            Requisitions
          </NavLink>
          <NavLink href="/settings">Settings</NavLink>
        </nav>
        <div className="app-user">
          <span className="user-name">{recruiter.name}</span>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => signOut(queryClient, config)}
          >
            Sign out
          </button>
        </div>
      </header>
      <main id="main" className="app-main">
        {children}
      </main>
    </div>
  );
}
