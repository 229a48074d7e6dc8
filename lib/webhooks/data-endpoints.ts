import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, type Actor } from '@/lib/auth/authorize';
import { db } from '@/lib/db';
import { readEnv } from '@/lib/env';
import type { Prisma } from '@/lib/generated/prisma/client';
import { newId } from '@/lib/ids';
import { fail, ok, type Result } from '@/lib/result';
import { checkWebhookUrl } from './address';
import {
  describeEndpointChanges,
  describeEvents,
  describeWebhookUrl,
  endpointColumns,
  toEndpointView,
} from './endpoint-rows';
import type {
  WebhookEndpointInput,
  WebhookEndpointPatch,
  WebhookEndpointView,
  WebhookUrlRefusalCode,
} from './schema';
import { SECRET_OVERLAP_MS, newWebhookSecret } from './secret';

// Webhook endpoints of a business: add, list, read, change, delete, and their signing secrets. One
// function per operation serves the dashboard, the REST API and the command line. Each checks
// `webhooks:manage`, finds the endpoint in the actor's business only (another business's endpoint
// is "not found") and records its audit event in the same transaction as the change. The secret
// and the extra headers' values never reach a log line or the activity trail.

export const endpointSelect = {
  id: true,
  url: true,
  description: true,
  filterTypes: true,
  metadata: true,
  disabled: true,
  disabledReason: true,
  failingSince: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.WebhookEndpointSelect;

type NotFound = 'WEBHOOK_NOT_FOUND';

/** The URL as given, once checkWebhookUrl allows it under this server's KEYDESK_WEBHOOKS_ALLOW_PRIVATE. */
async function allowedUrl(url: string): Promise<Result<string, WebhookUrlRefusalCode>> {
  const check = await checkWebhookUrl(url, { allowPrivate: readEnv().webhooksAllowPrivate });
  return check.ok ? ok(url) : fail(check.code);
}

/** Adds an endpoint with a new signing secret. The URL is checked (and resolved) before anything is written. */
export async function createWebhookEndpoint(
  actor: Actor,
  input: WebhookEndpointInput,
): Promise<Result<WebhookEndpointView, WebhookUrlRefusalCode>> {
  assertCan(actor, 'webhooks:manage');
  const url = await allowedUrl(input.url);
  if (!url.ok) return url;
  const id = newId('whk');
  const headers = input.headers ?? {};
  const row = await db.$transaction(async (tx) => {
    const created = await tx.webhookEndpoint.create({
      data: {
        id,
        businessId: actor.businessId,
        ...endpointColumns({ ...input, disabled: input.disabled ?? false }),
        headers: JSON.stringify(headers),
        secret: newWebhookSecret(),
      },
      select: endpointSelect,
    });
    const headerNames = Object.keys(headers);
    await recordAudit(tx, actor, {
      action: 'webhook.created',
      objectType: 'webhook_endpoint',
      objectId: id,
      summary: [
        `Added webhook endpoint ${describeWebhookUrl(input.url)} for ${describeEvents(input.filterTypes)}`,
        ...(input.disabled ? ['disabled'] : []),
        ...(headerNames.length ? [`extra headers ${headerNames.join(', ')}`] : []),
      ].join('; '),
    });
    return created;
  });
  return ok(toEndpointView(row));
}

/** An endpoint of the actor's business, or null (another business's included). */
export async function getWebhookEndpoint(
  actor: Actor,
  id: string,
): Promise<WebhookEndpointView | null> {
  assertCan(actor, 'webhooks:manage');
  const row = await db.webhookEndpoint.findFirst({
    where: { id, businessId: actor.businessId },
    select: endpointSelect,
  });
  return row && toEndpointView(row);
}

export const WEBHOOK_LIST_DEFAULT_LIMIT = 10;
export const WEBHOOK_LIST_MAX_LIMIT = 100;

export type WebhookEndpointPage = {
  items: WebhookEndpointView[];
  /** Where the next page starts (opaque), or null after the last page. */
  iterator: string | null;
};

/**
 * The business's endpoints, newest first, `limit` at a time. `iterator` is the previous page's
 * (opaque: the creation time and id of its last endpoint), so a page never repeats or skips an
 * endpoint whatever is added meanwhile.
 */
export async function listWebhookEndpoints(
  actor: Actor,
  { limit = WEBHOOK_LIST_DEFAULT_LIMIT, iterator }: { limit?: number; iterator?: string } = {},
): Promise<Result<WebhookEndpointPage, 'WEBHOOK_ITERATOR_INVALID'>> {
  assertCan(actor, 'webhooks:manage');
  const take = Math.min(Math.max(1, Math.trunc(limit)), WEBHOOK_LIST_MAX_LIMIT);
  const after = iterator === undefined ? null : decodeIterator(iterator);
  if (after === undefined) return fail('WEBHOOK_ITERATOR_INVALID');
  const rows = await db.webhookEndpoint.findMany({
    where: {
      businessId: actor.businessId,
      ...(after && {
        OR: [
          { createdAt: { lt: after.createdAt } },
          { createdAt: after.createdAt, id: { lt: after.id } },
        ],
      }),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: take + 1,
    select: endpointSelect,
  });
  const items = rows.slice(0, take).map(toEndpointView);
  const last = items.at(-1);
  return ok({ items, iterator: rows.length > take && last ? encodeIterator(last) : null });
}

function encodeIterator(endpoint: { createdAt: Date; id: string }): string {
  return Buffer.from(`${endpoint.createdAt.getTime()}.${endpoint.id}`).toString('base64url');
}

/** The position an iterator names; null for none; undefined when it is not one of ours. */
function decodeIterator(iterator: string): { createdAt: Date; id: string } | null | undefined {
  if (iterator === '') return null;
  const match = /^(\d{1,15})\.(whk_[0-9A-Za-z]{1,60})$/.exec(
    Buffer.from(iterator, 'base64url').toString('utf8'),
  );
  return match ? { createdAt: new Date(Number(match[1])), id: match[2] } : undefined;
}

/**
 * Changes an endpoint: an absent field is kept. A new URL is checked before anything is written;
 * enabling clears why Keydesk disabled it and since when it was failing. An edit that changes
 * nothing writes nothing. Changing only `disabled` is recorded as webhook.disabled / enabled.
 */
export async function updateWebhookEndpoint(
  actor: Actor,
  id: string,
  patch: WebhookEndpointPatch,
): Promise<Result<WebhookEndpointView, NotFound | WebhookUrlRefusalCode>> {
  assertCan(actor, 'webhooks:manage');
  const where = { id, businessId: actor.businessId };
  const current = await db.webhookEndpoint.findFirst({ where, select: { url: true } });
  if (!current) return fail('WEBHOOK_NOT_FOUND');
  // The stored URL was checked when it was saved (and every delivery checks it again).
  if (patch.url !== undefined && patch.url !== current.url) {
    const url = await allowedUrl(patch.url);
    if (!url.ok) return url;
  }
  return db.$transaction(async (tx): Promise<Result<WebhookEndpointView, NotFound>> => {
    const row = await tx.webhookEndpoint.findFirst({ where, select: endpointSelect });
    if (!row) return fail('WEBHOOK_NOT_FOUND');
    const before = toEndpointView(row);
    const after = { ...before, ...definedFields(patch) };
    const changes = describeEndpointChanges(before, after);
    if (changes.length === 0) return ok(before);
    const enabling = before.disabled && !after.disabled;
    const { count } = await tx.webhookEndpoint.updateMany({
      where,
      data: {
        ...endpointColumns(after),
        ...(enabling ? { disabledReason: null, failingSince: null } : {}),
      },
    });
    if (count !== 1) throw new Error(`Expected to update 1 webhook endpoint, updated ${count}`);
    const onlyToggled = changes.length === 1 && before.disabled !== after.disabled;
    await recordAudit(tx, actor, {
      action: onlyToggled
        ? after.disabled
          ? 'webhook.disabled'
          : 'webhook.enabled'
        : 'webhook.updated',
      objectType: 'webhook_endpoint',
      objectId: id,
      summary: `Changed webhook endpoint ${describeWebhookUrl(after.url)}: ${changes.join('; ')}`,
    });
    const updated = await tx.webhookEndpoint.findFirstOrThrow({ where, select: endpointSelect });
    return ok(toEndpointView(updated));
  });
}

/** Deletes an endpoint, with its deliveries and their log; events already sent are not recalled. */
export async function deleteWebhookEndpoint(
  actor: Actor,
  id: string,
): Promise<Result<{ id: string }, NotFound>> {
  assertCan(actor, 'webhooks:manage');
  return db.$transaction(async (tx): Promise<Result<{ id: string }, NotFound>> => {
    const where = { id, businessId: actor.businessId };
    const row = await tx.webhookEndpoint.findFirst({ where, select: { url: true } });
    if (!row) return fail('WEBHOOK_NOT_FOUND');
    const { count } = await tx.webhookEndpoint.deleteMany({ where });
    // Another request deleted it first (PostgreSQL, between the read and this statement).
    if (count === 0) return fail('WEBHOOK_NOT_FOUND');
    await recordAudit(tx, actor, {
      action: 'webhook.deleted',
      objectType: 'webhook_endpoint',
      objectId: id,
      summary: `Deleted webhook endpoint ${describeWebhookUrl(row.url)}`,
    });
    return ok({ id });
  });
}

/** The endpoint's signing secret, for the merchant's receiver. Each look is in the activity trail. */
export async function revealWebhookSecret(
  actor: Actor,
  id: string,
): Promise<Result<{ secret: string }, NotFound>> {
  assertCan(actor, 'webhooks:manage');
  return db.$transaction(async (tx): Promise<Result<{ secret: string }, NotFound>> => {
    const row = await tx.webhookEndpoint.findFirst({
      where: { id, businessId: actor.businessId },
      select: { url: true, secret: true },
    });
    if (!row) return fail('WEBHOOK_NOT_FOUND');
    await recordAudit(tx, actor, {
      action: 'webhook.secret_viewed',
      objectType: 'webhook_endpoint',
      objectId: id,
      summary: `Viewed the signing secret of webhook endpoint ${describeWebhookUrl(row.url)}`,
    });
    return ok({ secret: row.secret });
  });
}

/**
 * Gives the endpoint a new signing secret. Deliveries are signed with the old one too until
 * `previousSecretExpiresAt` (SECRET_OVERLAP_MS later), so a receiver keeps verifying while its
 * configuration is changed. A secret older than that is dropped.
 */
export async function rotateWebhookSecret(
  actor: Actor,
  id: string,
  now: Date = new Date(),
): Promise<Result<{ previousSecretExpiresAt: Date }, NotFound>> {
  assertCan(actor, 'webhooks:manage');
  const previousSecretExpiresAt = new Date(now.getTime() + SECRET_OVERLAP_MS);
  type Rotated = Result<{ previousSecretExpiresAt: Date }, NotFound>;
  return db.$transaction(async (tx): Promise<Rotated> => {
    const where = { id, businessId: actor.businessId };
    const row = await tx.webhookEndpoint.findFirst({ where, select: { url: true, secret: true } });
    if (!row) return fail('WEBHOOK_NOT_FOUND');
    // Conditional on the secret read, so that of two concurrent rotations the second changes
    // nothing rather than making a secret nobody saw the "previous" one.
    const { count } = await tx.webhookEndpoint.updateMany({
      where: { ...where, secret: row.secret },
      data: { secret: newWebhookSecret(), previousSecret: row.secret, previousSecretExpiresAt },
    });
    if (count === 0) {
      // Rotated (or deleted) by another request meanwhile: that rotation stands.
      const stillThere = await tx.webhookEndpoint.count({ where });
      return stillThere ? ok({ previousSecretExpiresAt }) : fail('WEBHOOK_NOT_FOUND');
    }
    await recordAudit(tx, actor, {
      action: 'webhook.secret_rotated',
      objectType: 'webhook_endpoint',
      objectId: id,
      summary: `Rotated the signing secret of webhook endpoint ${describeWebhookUrl(row.url)}; the previous secret keeps verifying until ${previousSecretExpiresAt.toISOString()}`,
    });
    return ok({ previousSecretExpiresAt });
  });
}

/** The fields a patch sets: `undefined` means "keep", so it must not overwrite. */
function definedFields(patch: WebhookEndpointPatch): WebhookEndpointPatch {
  return Object.fromEntries(
    Object.entries(patch).filter(([, value]) => value !== undefined),
  ) as WebhookEndpointPatch;
}
