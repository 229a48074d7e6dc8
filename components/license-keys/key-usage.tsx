'use client';

import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import {
  fetchLicenseKeyUsage,
  isFinalUsageError,
  USAGE_POLL_INTERVAL_MS,
  type LicenseKeyUsage,
} from '@/lib/license-key-instances/queries';

type KeyUsage = {
  data: LicenseKeyUsage;
  /** The last refresh failed (the numbers shown are older). */
  isRefetchError: boolean;
  /** Asks now, cancelling a poll under way: after a change made on this page. */
  refresh: () => Promise<void>;
};

const KeyUsageContext = createContext<KeyUsage | null>(null);

/** A retry of a failed poll waits this long first (TanStack Query's first retry delay, as before). */
const RETRY_DELAY_MS = 1_000;

type State = { data: LicenseKeyUsage; at: number; error: unknown };

/**
 * A key's usage for the key page's live parts (the activations count, the instances): the server
 * render's numbers at once, then asked again every 2 seconds while the page is visible, and when
 * the page becomes visible again after 2 seconds or more. A failed ask is retried once; an answer
 * that cannot change (signed out, not allowed, no such key) stops the polling. A newer server
 * render (after an action) replaces numbers polled before it.
 */
export function KeyUsageProvider({
  licenseKeyId,
  usage,
  renderedAt,
  children,
}: {
  licenseKeyId: string;
  usage: LicenseKeyUsage;
  /** When the server read `usage` (ms since the epoch). */
  renderedAt: number;
  children: ReactNode;
}) {
  const [state, setState] = useState<State>({ data: usage, at: renderedAt, error: null });
  const [rendered, setRendered] = useState(usage);
  if (usage !== rendered) {
    setRendered(usage);
    if (renderedAt > state.at) setState({ data: usage, at: renderedAt, error: null });
  }
  const inFlight = useRef<AbortController | null>(null);
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  }, [state]);

  /** Asks the server; `cancel`: instead of an ask under way (else none starts while one runs). */
  const ask = useCallback(
    async (cancel: boolean) => {
      if (inFlight.current && !cancel) return;
      inFlight.current?.abort();
      const controller = new AbortController();
      inFlight.current = controller;
      const startedAt = Date.now();
      const done = () => {
        if (inFlight.current === controller) inFlight.current = null;
      };
      for (let attempt = 0; ; attempt += 1) {
        try {
          const data = await fetchLicenseKeyUsage(licenseKeyId, controller.signal);
          if (controller.signal.aborted) return;
          done();
          setState((current) =>
            current.at > startedAt ? current : { data, at: startedAt, error: null },
          );
          return;
        } catch (error) {
          if (controller.signal.aborted) return;
          if (attempt >= 1 || isFinalUsageError(error)) {
            done();
            setState((current) => ({ ...current, error }));
            return;
          }
          await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
          if (controller.signal.aborted) return;
        }
      }
    },
    [licenseKeyId],
  );
  const refresh = useCallback(() => ask(true), [ask]);

  const final = isFinalUsageError(state.error);
  useEffect(() => {
    if (final) return;
    const poll = setInterval(() => {
      if (document.visibilityState === 'visible') void ask(false);
    }, USAGE_POLL_INTERVAL_MS);
    const onVisible = () => {
      const stale = Date.now() - stateRef.current.at >= USAGE_POLL_INTERVAL_MS;
      if (document.visibilityState === 'visible' && stale) void ask(false);
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(poll);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [final, ask]);
  useEffect(() => () => inFlight.current?.abort(), []);

  return (
    <KeyUsageContext value={{ data: state.data, isRefetchError: state.error !== null, refresh }}>
      {children}
    </KeyUsageContext>
  );
}

/** The usage of the key page's KeyUsageProvider. */
export function useKeyUsage(): KeyUsage {
  const usage = useContext(KeyUsageContext);
  if (!usage) throw new Error('useKeyUsage needs a KeyUsageProvider above it');
  return usage;
}
