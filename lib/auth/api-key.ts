import 'server-only';
import { findActiveApiKeyBySecret } from '@/lib/api-keys/data';
import type { Actor } from './authorize';

/**
 * The actor of a REST API request: the business and access of the API key sent as
 * `Authorization: Bearer <key>`, or null when there is none or it is unknown or revoked.
 * Cookies are never read here: route handlers have no CSRF protection, so a session must not count.
 */
export async function apiKeyActor(request: Request, requestId: string): Promise<Actor | null> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '');
  const key = match ? await findActiveApiKeyBySecret(match[1]) : null;
  if (!key) return null;
  return {
    businessId: key.businessId,
    type: 'api_key',
    id: key.id,
    name: key.name,
    role: key.readOnly ? 'read_only' : 'write',
    requestId,
  };
}
