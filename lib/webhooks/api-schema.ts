import { z } from 'zod';
import { WEBHOOK_EVENT_TYPES } from './events';
import {
  webhookDescriptionSchema,
  webhookFilterTypesSchema,
  webhookHeadersSchema,
  webhookMetadataSchema,
  webhookUrlSchema,
  type WebhookEndpointInput,
  type WebhookEndpointPatch,
} from './schema';

// The webhook endpoints' bodies, queries and answers, in Dodo's snake_case (its `WebhookDetails`),
// built from the dashboard form's field schemas. No server imports: the OpenAPI document is
// generated from these. Keydesk does not rate-limit deliveries: `rate_limit` is accepted, not
// stored, and answered as null.

const URL_RULE =
  'An absolute http(s) URL, at most 2,048 characters, without a user name or password. Unless the server runs with KEYDESK_WEBHOOKS_ALLOW_PRIVATE=1 it must be https and its host must resolve to public addresses only (no loopback, private, link-local or metadata addresses): refused with 422 WEBHOOK_URL_NOT_HTTPS, WEBHOOK_URL_PRIVATE or WEBHOOK_URL_UNRESOLVED.';
const FILTER_RULE = `The event types to send, from ${WEBHOOK_EVENT_TYPES.join(', ')}; empty or absent: every type, including types added later.`;
const RATE_LIMIT =
  'Accepted so that calls written for Dodo Payments work unchanged; Keydesk does not rate-limit deliveries, so it is not stored and answers show null.';

const rateLimitSchema = z
  .number({ error: 'rate_limit must be a whole number or null.' })
  .int({ error: 'rate_limit must be a whole number or null.' })
  .min(0, { error: 'rate_limit cannot be negative.' })
  .nullable()
  .optional()
  .meta({ description: RATE_LIMIT });

const disabledSchema = z
  .boolean({ error: 'disabled must be true or false.' })
  .nullable()
  .optional()
  .meta({ description: 'true: no events are sent to it.' });

/**
 * POST /webhooks — Dodo's create contract. `headers` are sent with every delivery and not shown
 * again (nor recorded in the activity trail).
 */
export const apiCreateWebhookSchema = z
  .object({
    url: webhookUrlSchema.meta({ description: URL_RULE }),
    description: webhookDescriptionSchema
      .nullable()
      .optional()
      .meta({ description: 'For your team, up to 500 characters.' }),
    filter_types: webhookFilterTypesSchema.nullable().optional().meta({ description: FILTER_RULE }),
    disabled: disabledSchema,
    metadata: webhookMetadataSchema
      .nullable()
      .optional()
      .meta({ description: 'Your own strings: up to 50 keys of 40 characters, values of 500.' }),
    headers: webhookHeadersSchema.nullable().optional().meta({
      description:
        'Extra HTTP headers sent with every delivery (an Authorization header for your receiver, say), up to 20. Not shown in answers. Keydesk’s own (webhook-*, Content-Type, …) cannot be set.',
    }),
    rate_limit: rateLimitSchema,
    idempotency_key: z
      .string({ error: 'idempotency_key must be a string or null.' })
      .max(255, { error: 'idempotency_key has at most 255 characters.' })
      .nullable()
      .optional()
      .meta({
        description:
          'Accepted for compatibility with Dodo Payments and ignored: send the Idempotency-Key header instead.',
      }),
  })
  .transform((body): WebhookEndpointInput => ({
    url: body.url,
    description: body.description ?? '',
    filterTypes: body.filter_types ?? [],
    disabled: body.disabled ?? false,
    metadata: body.metadata ?? {},
    headers: body.headers ?? {},
  }));

/** PATCH /webhooks/{id} — Dodo's update contract: an absent or null field is kept. */
export const apiUpdateWebhookSchema = z
  .object({
    url: webhookUrlSchema.nullable().optional().meta({ description: URL_RULE }),
    description: webhookDescriptionSchema.nullable().optional(),
    filter_types: webhookFilterTypesSchema
      .nullable()
      .optional()
      .meta({
        description: `${FILTER_RULE} null or absent: kept; [] : every type.`,
      }),
    disabled: disabledSchema.meta({
      description:
        'true: no events are sent. false enables it again, also after Keydesk disabled it for failing.',
    }),
    metadata: webhookMetadataSchema
      .nullable()
      .optional()
      .meta({ description: 'Replaces the metadata as a whole.' }),
    rate_limit: rateLimitSchema,
  })
  .transform((body): WebhookEndpointPatch => ({
    url: body.url ?? undefined,
    description: body.description ?? undefined,
    filterTypes: body.filter_types ?? undefined,
    disabled: body.disabled ?? undefined,
    metadata: body.metadata ?? undefined,
  }));

/** GET /webhooks: Dodo's cursor paging, as its SDK's auto-pagination sends it. */
export const apiListWebhooksQuerySchema = z.object({
  limit: z.coerce
    .number({ error: 'limit must be a whole number.' })
    .int({ error: 'limit must be a whole number.' })
    .min(1, { error: 'limit must be at least 1.' })
    .max(100, { error: 'limit can be at most 100.' })
    .default(10)
    .meta({ description: 'Endpoints per page, 1 to 100.' }),
  iterator: z
    .string({ error: 'iterator must be a string.' })
    .max(200, { error: 'iterator is not one Keydesk answered.' })
    .optional()
    .meta({ description: 'The `iterator` of the previous page; absent for the first page.' }),
});

/** An endpoint as Dodo's API shows it (`WebhookDetails`). */
export const apiWebhookSchema = z
  .object({
    id: z.string().meta({ description: 'whk_…' }),
    url: z.string(),
    description: z.string().meta({ description: '"" when it has none.' }),
    metadata: z.record(z.string(), z.string()),
    filter_types: z
      .array(z.string())
      .meta({ description: 'The event types sent; [] for every type.' }),
    disabled: z.boolean().meta({
      description:
        'true: no events are sent (disabled by you, or by Keydesk after 5 days of failures).',
    }),
    rate_limit: z.null().meta({ description: RATE_LIMIT }),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .meta({
    description:
      'Dodo Payments’ WebhookDetails. The signing secret is read with GET /webhooks/{id}/secret.',
  });

/** GET /webhooks answer: one page, and where the next starts. */
export const apiWebhookListSchema = z.object({
  data: z.array(apiWebhookSchema),
  iterator: z
    .string()
    .nullable()
    .meta({ description: 'Pass it as `iterator` for the next page; null after the last page.' }),
  done: z.boolean().meta({ description: 'true on the last page.' }),
});

/** GET /webhooks/{id}/secret answer. */
export const apiWebhookSecretSchema = z.object({
  secret: z.string().meta({
    description:
      'whsec_…: verify deliveries with it (Standard Webhooks; the SDK’s `client.webhooks.unwrap`).',
  }),
});

export type ApiWebhook = z.output<typeof apiWebhookSchema>;
export type ApiWebhookList = z.output<typeof apiWebhookListSchema>;
