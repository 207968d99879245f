import type { ReactNode } from 'react';

/** Something went wrong: announced at once. */
export function ErrorMessage({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <div className="notice notice-error" role="alert">
      {title ? <p className="notice-title">{title}</p> : null}
      <div>{children}</div>
    </div>
  );
}

/**
 * A list or page that could not be loaded: what happened, in the API's words, and a way to ask
 * again. A server error or a lost connection is usually brief, so the page says so.
 */
export function LoadError({
  title,
  error,
  retrying,
  onRetry,
}: {
  title: string;
  error: { message: string; status?: number };
  retrying: boolean;
  onRetry(): void;
}) {
  const brief = error.status === undefined || error.status === 0 || error.status >= 500;
  return (
    <ErrorMessage title={title}>
      <p>
        {error.message}
        {brief ? ' This is usually over in a moment.' : ''}
      </p>
      <p>
        <button type="button" className="button button-secondary" disabled={retrying} onClick={onRetry}>
          {retrying ? 'Trying again…' : 'Try again'}
        </button>
      </p>
    </ErrorMessage>
  );
}

/** News that is not an error (saved, sent): announced politely. */
export function StatusMessage({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <div className="notice notice-info" role="status">
      {title ? <p className="notice-title">{title}</p> : null}
      <div>{children}</div>
    </div>
  );
}

export function Loading({ label }: { label: string }) {
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <p className="empty-title">{title}</p>
      {children ? <div>{children}</div> : null}
    </div>
  );
}

export function Badge({
  tone,
  children,
}: {
  tone: 'neutral' | 'good' | 'warn' | 'bad' | 'info';
  children: ReactNode;
}) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}
