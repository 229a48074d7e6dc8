import type { Actor } from '@/lib/auth/authorize';

// Shared by the route-handler tests: what each needs before it can call an endpoint.

/**
 * The secret of a new API key of the actor's business. The data layer is imported when called, so
 * that lib/db.ts opens the test database the file made first.
 */
export async function apiKeySecret(actor: Actor, name: string, readOnly: boolean) {
  const { createApiKey } = await import('@/lib/api-keys/data');
  const result = await createApiKey(actor, { name, readOnly });
  if (!result.ok) throw new Error(`could not create the API key ${name}: ${result.code}`);
  return result.value.secret;
}
