import { type ReactNode, useEffect, useRef } from 'react';

/**
 * One page's title and main heading. The document title follows, and the heading takes focus on
 * arrival, so a screen reader announces the new page after a client-side navigation.
 */
export function Page({
  title,
  heading,
  children,
  actions,
}: {
  title: string;
  heading?: ReactNode;
  children: ReactNode;
  actions?: ReactNode;
}) {
  const h1 = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Client Portal`;
    h1.current?.focus({ preventScroll: true });
  }, [title]);
  return (
    <>
      <div className="page-head">
        <h1 ref={h1} tabIndex={-1}>
          {heading ?? title}
        </h1>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </div>
      {children}
    </>
  );
}
