import type { LicenseKeyStatus } from '@/lib/license-keys/status';

/** GET /internal/license-keys/{id}/usage: a key's seats and instances, as the key page shows them. */
export type LicenseKeyUsage = {
  instancesCount: number;
  /** null: unlimited. */
  activationsLimit: number | null;
  status: LicenseKeyStatus;
  /** Newest first, at most lib/license-key-instances/data.ts INSTANCES_SHOWN of them. */
  instances: { id: string; name: string; createdAt: string }[];
};

/** How often the key page asks for its usage while the page is visible. */
export const USAGE_POLL_INTERVAL_MS = 2_000;

export class UsageRequestError extends Error {
  constructor(readonly status: number) {
    super(`Loading the activations failed with HTTP ${status}`);
    this.name = 'UsageRequestError';
  }
}

/** Signed out, not allowed, or no such key: asking again every 2 seconds cannot help. */
export function isFinalUsageError(error: unknown): boolean {
  return error instanceof UsageRequestError && [401, 403, 404].includes(error.status);
}

/**
 * A key's usage, fresh from the server. The key page polls it (components/license-keys/key-usage.tsx)
 * so that activations made through the public API show up without a reload.
 */
export async function fetchLicenseKeyUsage(
  licenseKeyId: string,
  signal?: AbortSignal,
): Promise<LicenseKeyUsage> {
  const response = await fetch(`/internal/license-keys/${encodeURIComponent(licenseKeyId)}/usage`, {
    signal,
    headers: { Accept: 'application/json' },
    cache: 'no-store',
  });
  if (!response.ok) throw new UsageRequestError(response.status);
  return (await response.json()) as LicenseKeyUsage;
}
