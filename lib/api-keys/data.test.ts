import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { NotAllowedError } from '@/lib/auth/authorize';
import { createBusinessFixture, createTestDatabase } from '@/lib/testing/test-database';

// Integration tests on a real, migrated SQLite file: the same code path the server actions take.
const testDb = await createTestDatabase();
const {
  createApiKey,
  findActiveApiKeyBySecret,
  listApiKeys,
  revokeApiKey,
  LAST_USED_RESOLUTION_MS,
} = await import('./data');
const { API_KEY_CACHE_MS, generateApiKeySecret, hashApiKeySecret } = await import('./secret');
const { db } = testDb;
afterAll(() => testDb.cleanup());

const acme = await createBusinessFixture(db, 'Acme');
const globex = await createBusinessFixture(db, 'Globex');

let counter = 0;
function uniqueName(label = 'Checkout') {
  counter += 1;
  return `${label} ${counter}`;
}

async function createdKey(actor = acme.owner, readOnly = false) {
  const result = await createApiKey(actor, { name: uniqueName(), readOnly });
  if (!result.ok) throw new Error(`createApiKey failed: ${JSON.stringify(result)}`);
  return result.value;
}

async function counts() {
  return { keys: await db.apiKey.count(), events: await db.auditEvent.count() };
}

let before: Awaited<ReturnType<typeof counts>>;
beforeEach(async () => {
  before = await counts();
});

describe('secrets', () => {
  it('are kd_live_ and 32 random bytes in base64url, different every time', () => {
    const a = generateApiKeySecret();
    const b = generateApiKeySecret();
    expect(a).toMatch(/^kd_live_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a.slice('kd_live_'.length), 'base64url')).toHaveLength(32);
    expect(a).not.toBe(b);
  });

  it('hash to SHA-256 hex', () => {
    // SHA-256("abc"), from FIPS 180-2.
    expect(hashApiKeySecret('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});

describe('createApiKey', () => {
  it('returns the secret once and stores only its hash and prefix', async () => {
    const name = uniqueName();
    const created = await createApiKey(acme.admin, { name, readOnly: true });
    if (!created.ok) throw new Error('createApiKey failed');
    const result = created.value;
    expect(result).toMatchObject({ name, id: expect.stringMatching(/^key_/) });
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: result.id } });
    expect(row).toMatchObject({
      businessId: acme.business.id,
      name,
      readOnly: true,
      prefix: result.secret.slice(0, 12),
      secretHash: hashApiKeySecret(result.secret),
      createdByMember: acme.admin.id,
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(row.prefix).toMatch(/^kd_live_.{4}$/);
    // The secret is in no column of the row.
    for (const value of Object.values(row)) expect(String(value)).not.toContain(result.secret);
    expect(JSON.stringify(row)).not.toContain(result.secret.slice(12));
  });

  it('records api_key.created without the secret', async () => {
    const result = await createdKey(acme.owner);
    const events = await db.auditEvent.findMany({ where: { objectId: result.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      businessId: acme.business.id,
      action: 'api_key.created',
      objectType: 'api_key',
      actorType: 'member',
      actorId: acme.owner.id,
      actorName: 'Acme Owner',
      actorRole: 'owner',
      requestId: acme.owner.requestId,
    });
    expect(events[0].summary).toContain(result.name);
    expect(JSON.stringify(events)).not.toContain(result.secret);
    expect(JSON.stringify(events)).not.toContain(result.secret.slice(12));
  });

  it('refuses support and writes nothing', async () => {
    await expect(
      createApiKey(acme.support, { name: uniqueName(), readOnly: false }),
    ).rejects.toThrow(NotAllowedError);
    expect(await counts()).toEqual(before);
  });

  it('refuses a second active key with the same name (any case), allows it once revoked', async () => {
    const first = await createdKey();
    const clash = await createApiKey(acme.owner, {
      name: first.name.toUpperCase(),
      readOnly: true,
    });
    expect(clash).toEqual({ ok: false, code: 'API_KEY_NAME_TAKEN' });
    expect((await counts()).keys).toBe(before.keys + 1);

    // Another business may use the name, and so may this one after revoking the first key.
    expect((await createApiKey(globex.owner, { name: first.name, readOnly: false })).ok).toBe(true);
    await revokeApiKey(acme.owner, first.id);
    expect((await createApiKey(acme.owner, { name: first.name, readOnly: false })).ok).toBe(true);
  });
});

describe('listApiKeys', () => {
  it("lists the business's keys newest first, with creator, never a secret or hash", async () => {
    const older = await createdKey(acme.owner, true);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const newer = await createdKey(acme.admin);
    const theirs = await createdKey(globex.owner);
    const list = await listApiKeys(acme.owner);
    const ids = list.map((key) => key.id);
    expect(ids).toContain(older.id);
    expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id));
    expect(ids).not.toContain(theirs.id);
    expect(list.find((key) => key.id === newer.id)).toEqual({
      id: newer.id,
      name: newer.name,
      readOnly: false,
      prefix: newer.secret.slice(0, 12),
      createdAt: expect.any(Date),
      createdBy: 'Acme Admin',
      lastUsedAt: null,
      revokedAt: null,
    });
    const text = JSON.stringify(list);
    expect(text).not.toContain(newer.secret);
    expect(text).not.toContain(hashApiKeySecret(newer.secret));
  });

  it('refuses support', async () => {
    await expect(listApiKeys(acme.support)).rejects.toThrow(NotAllowedError);
  });
});

describe('revokeApiKey', () => {
  it('revokes, keeps the key listed as revoked, records api_key.revoked once', async () => {
    const key = await createdKey();
    expect(await revokeApiKey(acme.admin, key.id)).toEqual({ ok: true, value: null });
    const listed = (await listApiKeys(acme.owner)).find((k) => k.id === key.id);
    expect(listed?.revokedAt).toBeInstanceOf(Date);
    // Again: still true, nothing more recorded.
    expect(await revokeApiKey(acme.owner, key.id)).toEqual({ ok: true, value: null });
    const events = await db.auditEvent.findMany({
      where: { objectId: key.id, action: 'api_key.revoked' },
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorName: 'Acme Admin', businessId: acme.business.id });
    expect(JSON.stringify(events)).not.toContain(key.secret);
  });

  it("answers not found for another business's key and writes nothing", async () => {
    const theirs = await createdKey(globex.owner);
    before = await counts();
    expect(await revokeApiKey(acme.owner, theirs.id)).toEqual({
      ok: false,
      code: 'API_KEY_NOT_FOUND',
    });
    expect(await revokeApiKey(acme.owner, 'key_doesnotexist')).toEqual({
      ok: false,
      code: 'API_KEY_NOT_FOUND',
    });
    expect(await counts()).toEqual(before);
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: theirs.id } });
    expect(row.revokedAt).toBeNull();
    expect(await findActiveApiKeyBySecret(theirs.secret)).not.toBeNull();
  });

  it('refuses support and writes nothing', async () => {
    const key = await createdKey();
    before = await counts();
    await expect(revokeApiKey(acme.support, key.id)).rejects.toThrow(NotAllowedError);
    expect(await counts()).toEqual(before);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).revokedAt).toBeNull();
  });
});

describe('findActiveApiKeyBySecret', () => {
  it('finds an active key by its secret and records when it was used', async () => {
    const key = await createdKey(acme.owner, true);
    const now = new Date('2026-11-27T14:05:00Z');
    expect(await findActiveApiKeyBySecret(key.secret, now)).toEqual({
      id: key.id,
      businessId: acme.business.id,
      name: key.name,
      readOnly: true,
    });
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(row.lastUsedAt?.toISOString()).toBe(now.toISOString());
  });

  it('writes lastUsedAt at most once a minute', async () => {
    const key = await createdKey();
    const lastUsed = async () =>
      (await db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt?.toISOString();
    const t0 = new Date('2026-11-27T14:05:00Z');
    await findActiveApiKeyBySecret(key.secret, t0);
    await findActiveApiKeyBySecret(key.secret, new Date(t0.getTime() + 30_000));
    expect(await lastUsed()).toBe(t0.toISOString());
    const later = new Date(t0.getTime() + LAST_USED_RESOLUTION_MS);
    expect(await findActiveApiKeyBySecret(key.secret, later)).not.toBeNull();
    expect(await lastUsed()).toBe(later.toISOString());
  });

  it('does not find a revoked key, and does not touch it', async () => {
    const key = await createdKey();
    await revokeApiKey(acme.owner, key.id);
    expect(await findActiveApiKeyBySecret(key.secret)).toBeNull();
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt).toBeNull();
  });

  it('refuses a key revoked by another process within API_KEY_CACHE_MS, and one revoked here at once', async () => {
    const elsewhere = await createdKey();
    const t0 = new Date();
    expect(await findActiveApiKeyBySecret(elsewhere.secret, t0)).not.toBeNull();
    // Revoked straight in the database, as another process's revokeApiKey would.
    await db.apiKey.update({ where: { id: elsewhere.id }, data: { revokedAt: t0 } });
    const within = new Date(t0.getTime() + API_KEY_CACHE_MS - 1);
    expect(await findActiveApiKeyBySecret(elsewhere.secret, within)).not.toBeNull();
    const past = new Date(t0.getTime() + API_KEY_CACHE_MS);
    expect(await findActiveApiKeyBySecret(elsewhere.secret, past)).toBeNull();

    const here = await createdKey();
    expect(await findActiveApiKeyBySecret(here.secret, t0)).not.toBeNull();
    await revokeApiKey(acme.owner, here.id);
    expect(await findActiveApiKeyBySecret(here.secret, t0)).toBeNull();
  });

  it('does not find wrong secrets', async () => {
    const key = await createdKey();
    const wrong = [
      generateApiKeySecret(),
      key.secret.slice(0, -1),
      `${key.secret}x`,
      key.secret.slice(0, 12),
      hashApiKeySecret(key.secret),
      key.secret.replace('kd_live_', 'kd_test_'),
      '',
    ];
    for (const secret of wrong) expect(await findActiveApiKeyBySecret(secret)).toBeNull();
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt).toBeNull();
  });
});
