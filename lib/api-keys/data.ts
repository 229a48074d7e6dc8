import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, type Actor } from '@/lib/auth/authorize';
import { lockBusiness } from '@/lib/businesses/data';
import { db } from '@/lib/db';
import { newId } from '@/lib/ids';
import { fail, ok, type Result } from '@/lib/result';
import type { CreateApiKeyInput } from './schema';
import type { ApiKeyView } from './schema';
import {
  API_KEY_CACHE_MS,
  API_KEY_SECRET_PREFIX,
  apiKeyDisplayPrefix,
  generateApiKeySecret,
  hashApiKeySecret,
} from './secret';

/** The business's API keys, newest first, revoked ones included. */
export async function listApiKeys(actor: Actor): Promise<ApiKeyView[]> {
  assertCan(actor, 'api-keys:manage');
  const keys = await db.apiKey.findMany({
    where: { businessId: actor.businessId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: {
      id: true,
      name: true,
      readOnly: true,
      prefix: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
    },
  });
  // Who created each key, from the audit trail: it keeps the name even after the member leaves.
  const created = await db.auditEvent.findMany({
    where: {
      businessId: actor.businessId,
      action: 'api_key.created',
      objectType: 'api_key',
      objectId: { in: keys.map((key) => key.id) },
    },
    select: { objectId: true, actorName: true },
  });
  const creators = new Map(created.map((event) => [event.objectId, event.actorName]));
  return keys.map((key) => ({ ...key, createdBy: creators.get(key.id) ?? null }));
}

/**
 * Creates an API key for the actor's business. Only the secret's hash and its first characters are
 * stored; the secret itself is in the answer, once. Names of active keys are unique (ignoring case)
 * within the business, so that "Revoke Checkout" always means one key.
 */
/** A new API key: the secret travels in this answer once, and is never stored or shown again. */
export type NewApiKey = { id: string; name: string; secret: string };

export async function createApiKey(
  actor: Actor,
  input: CreateApiKeyInput,
): Promise<Result<NewApiKey, 'API_KEY_NAME_TAKEN'>> {
  assertCan(actor, 'api-keys:manage');
  const secret = generateApiKeySecret();
  const prefix = apiKeyDisplayPrefix(secret);
  return db.$transaction(async (tx): Promise<Result<NewApiKey, 'API_KEY_NAME_TAKEN'>> => {
    // No index can say "unique among active keys, ignoring case" on both engines, so the names are
    // read and compared here. That is only sound with the business locked first (lockBusiness: on
    // PostgreSQL a row lock held until commit, on SQLite the write lock), so that two concurrent
    // creations of "Checkout", in one process or two, run one after the other and the second
    // sees the first key.
    await lockBusiness(tx, actor.businessId);
    const active = await tx.apiKey.findMany({
      where: { businessId: actor.businessId, revokedAt: null },
      select: { name: true },
    });
    const wanted = input.name.toLocaleLowerCase('en');
    if (active.some((key) => key.name.toLocaleLowerCase('en') === wanted)) {
      return fail('API_KEY_NAME_TAKEN');
    }
    const created = await tx.apiKey.create({
      data: {
        id: newId('key'),
        businessId: actor.businessId,
        name: input.name,
        readOnly: input.readOnly,
        prefix,
        secretHash: hashApiKeySecret(secret),
        createdByMember: actor.type === 'member' ? actor.id : null,
      },
      select: { id: true, name: true },
    });
    await recordAudit(tx, actor, {
      action: 'api_key.created',
      objectType: 'api_key',
      objectId: created.id,
      summary: `Created API key “${created.name}” (${prefix}…) with ${input.readOnly ? 'read-only' : 'write'} access`,
    });
    return ok({ id: created.id, name: created.name, secret });
  });
}

/**
 * Revokes an API key of the actor's business; from then on the API refuses it. Revoking a key
 * that is already revoked changes nothing and records nothing. Returns false when the business has
 * no such key (another business's key included), and then nothing is written.
 */
export async function revokeApiKey(
  actor: Actor,
  id: string,
): Promise<Result<null, 'API_KEY_NOT_FOUND'>> {
  assertCan(actor, 'api-keys:manage');
  const result = await db.$transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({
      where: { id, businessId: actor.businessId },
      select: { id: true, name: true, prefix: true, revokedAt: true },
    });
    if (!key) return fail('API_KEY_NOT_FOUND');
    if (key.revokedAt) return ok(null);
    // Conditional, so that of two concurrent revocations only one records an event.
    const { count } = await tx.apiKey.updateMany({
      where: { id: key.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) return ok(null);
    await recordAudit(tx, actor, {
      action: 'api_key.revoked',
      objectType: 'api_key',
      objectId: key.id,
      summary: `Revoked API key “${key.name}” (${key.prefix}…)`,
    });
    return ok(null);
  });
  // After the commit: a request reading the key meanwhile would have found it still active.
  forgetApiKey(id);
  return result;
}

export type AuthenticatedApiKey = {
  id: string;
  businessId: string;
  name: string;
  readOnly: boolean;
};

/** lastUsedAt is written at most this often per key, so that the API does not write on every request. */
export const LAST_USED_RESOLUTION_MS = 60_000;

/** Keys a process remembers at most; past that it starts over (an attack of made-up keys is never remembered). */
const API_KEY_CACHE_SIZE = 10_000;

const remembered = new Map<string, { key: AuthenticatedApiKey; until: number }>();

/**
 * The active (not revoked) API key whose secret this is, or null. A known key is read from the
 * database at most once per API_KEY_CACHE_MS per process, so most requests read nothing; unknown and
 * revoked keys are never remembered. Records when the key was last used, to the minute: one
 * conditional update, so concurrent requests (of any process) write it at most once.
 */
export async function findActiveApiKeyBySecret(
  secret: string,
  now: Date = new Date(),
): Promise<AuthenticatedApiKey | null> {
  if (typeof secret !== 'string' || !secret.startsWith(API_KEY_SECRET_PREFIX)) return null;
  const secretHash = hashApiKeySecret(secret);
  const known = remembered.get(secretHash);
  if (known && known.until > now.getTime()) return known.key;
  const key = await db.apiKey.findUnique({
    where: { secretHash },
    select: {
      id: true,
      businessId: true,
      name: true,
      readOnly: true,
      revokedAt: true,
      lastUsedAt: true,
    },
  });
  if (!key || key.revokedAt) {
    remembered.delete(secretHash);
    return null;
  }
  // Written at most once a resolution. The condition stays in the statement, so that of many
  // requests that all saw a stale time, one writes.
  const stale = now.getTime() - LAST_USED_RESOLUTION_MS;
  if (!key.lastUsedAt || key.lastUsedAt.getTime() <= stale) {
    await db.apiKey.updateMany({
      where: {
        id: key.id,
        OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: new Date(stale) } }],
      },
      data: { lastUsedAt: now },
    });
  }
  const found = { id: key.id, businessId: key.businessId, name: key.name, readOnly: key.readOnly };
  if (remembered.size >= API_KEY_CACHE_SIZE) remembered.clear();
  remembered.set(secretHash, { key: found, until: now.getTime() + API_KEY_CACHE_MS });
  return found;
}

/** Forgets a key this process remembers, so that its revocation takes effect here at once. */
function forgetApiKey(id: string) {
  for (const [hash, entry] of remembered) if (entry.key.id === id) remembered.delete(hash);
}

export type { ApiKeyView } from './schema';
