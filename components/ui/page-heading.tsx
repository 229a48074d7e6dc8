'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * The page's h1. It can hold the focus (tabIndex -1) and, with `arrival`, takes it when the page
 * opens and says `arrival` in a status message, so that a screen reader user who has just been
 * sent here (a key just created) hears where they are and what happened.
 */
export function PageHeading({
  children,
  arrival = null,
  className = '',
}: {
  children: ReactNode;
  /** "License key created": shown and announced when the page opens, or null. */
  arrival?: string | null;
  className?: string;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [announced, setAnnounced] = useState<string | null>(null);

  useEffect(() => {
    if (!arrival) return;
    heading.current?.focus();
    // The status region is in the page before its text: a live region that appears with its
    // text already in it is not announced by every screen reader.
    const timer = setTimeout(() => setAnnounced(arrival), 0);
    return () => clearTimeout(timer);
  }, [arrival]);

  return (
    <>
      <h1
        ref={heading}
        tabIndex={-1}
        className={`text-2xl font-semibold tracking-tight outline-none ${className}`}
      >
        {children}
      </h1>
      <div role="status" className="empty:hidden">
        {announced ? (
          <p className="mt-4 rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900">
            {announced}
          </p>
        ) : null}
      </div>
    </>
  );
}
