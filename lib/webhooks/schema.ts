import { z } from 'zod';
import { hasNoControlCharacters } from '@/lib/text';
import { WEBHOOK_EVENT_TYPES, isWebhookEventType, type WebhookEventType } from './events';
import {
  WEBHOOK_DESCRIPTION_MAX_LENGTH,
  WEBHOOK_HEADERS_MAX,
  WEBHOOK_HEADER_VALUE_MAX_LENGTH,
  WEBHOOK_METADATA_KEY_MAX_LENGTH,
  WEBHOOK_METADATA_MAX_KEYS,
  WEBHOOK_METADATA_VALUE_MAX_LENGTH,
  WEBHOOK_URL_MAX_LENGTH,
} from './limits';

// Webhook endpoints' fields, shared by the Settings → Webhooks forms, their server actions and the
// REST API (./api-schema.ts builds Dodo's snake_case bodies from these). No server imports here.
// What a URL may point at is decided on the server (./address.ts): it depends on the environment
// and on DNS.

export * from './limits';

/** Why a URL is refused, as codes (the data layer answers these) and the words people read. */
export const WEBHOOK_URL_MESSAGES = {
  WEBHOOK_URL_INVALID: 'Enter a URL such as https://example.com/webhooks.',
  WEBHOOK_URL_TOO_LONG: `A URL has at most ${WEBHOOK_URL_MAX_LENGTH.toLocaleString('en-US')} characters.`,
  WEBHOOK_URL_CREDENTIALS:
    'Leave the user name and password out of the URL. Your endpoint can check that a request comes from Keydesk with the endpoint’s signing secret.',
  WEBHOOK_URL_NOT_HTTPS: 'Use an https:// URL: webhooks carry your customers’ license data.',
  WEBHOOK_URL_PRIVATE:
    'This URL points at a loopback, private or link-local address. Webhooks are sent to public addresses only.',
  WEBHOOK_URL_UNRESOLVED: 'Keydesk could not find this host name. Check the URL.',
} as const;
export type WebhookUrlRefusalCode = keyof typeof WEBHOOK_URL_MESSAGES;

/** An absolute http(s) URL, by its shape only. */
export function isHttpUrl(text: string): boolean {
  const url = parseUrl(text);
  return url !== null && (url.protocol === 'https:' || url.protocol === 'http:') && !!url.hostname;
}

/** Whether the URL carries a user name or password (`https://user:pass@host/`). */
export function hasCredentials(text: string): boolean {
  const url = parseUrl(text);
  return url !== null && (url.username !== '' || url.password !== '');
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/** The endpoint's URL, checked for its shape; the server then checks where it leads. */
export const webhookUrlSchema = z
  .string({ error: 'Enter the endpoint URL.' })
  .trim()
  .min(1, { error: 'Enter the endpoint URL, such as https://example.com/webhooks.', abort: true })
  .max(WEBHOOK_URL_MAX_LENGTH, { error: WEBHOOK_URL_MESSAGES.WEBHOOK_URL_TOO_LONG, abort: true })
  .refine(isHttpUrl, { error: WEBHOOK_URL_MESSAGES.WEBHOOK_URL_INVALID, abort: true })
  .refine((url) => !hasCredentials(url), { error: WEBHOOK_URL_MESSAGES.WEBHOOK_URL_CREDENTIALS });

export const webhookDescriptionSchema = z
  .string({ error: 'Enter a description, or leave it empty.' })
  .trim()
  .max(WEBHOOK_DESCRIPTION_MAX_LENGTH, {
    error: `A description has at most ${WEBHOOK_DESCRIPTION_MAX_LENGTH} characters.`,
  })
  .refine(hasNoControlCharacters, {
    error: 'A description cannot contain control characters such as tabs or line breaks.',
  });

/** Event types to send, each one Keydesk knows, without repeats; empty means every type. */
export const webhookFilterTypesSchema = z
  .array(z.string({ error: 'Each event type is a string.' }), {
    error: 'Give the event types as a list of strings.',
  })
  .superRefine((types, context) => {
    const unknown = types.filter((type) => !isWebhookEventType(type));
    if (unknown.length) {
      context.addIssue({
        code: 'custom',
        message: `Unknown event type${unknown.length > 1 ? 's' : ''}: ${unknown.slice(0, 5).join(', ')}. Keydesk sends ${WEBHOOK_EVENT_TYPES.join(', ')}.`,
      });
    }
  })
  // In the order Keydesk lists them, once each: the same choice is stored the same way.
  .transform((types) => WEBHOOK_EVENT_TYPES.filter((type) => types.includes(type)));

const metadataKeySchema = z
  .string()
  .min(1, { error: 'A metadata key cannot be empty.' })
  .max(WEBHOOK_METADATA_KEY_MAX_LENGTH, {
    error: `A metadata key has at most ${WEBHOOK_METADATA_KEY_MAX_LENGTH} characters.`,
  })
  .refine(hasNoControlCharacters, { error: 'A metadata key cannot contain control characters.' });

/** The merchant's own strings, kept and answered as given. */
export const webhookMetadataSchema = z
  .record(
    metadataKeySchema,
    z.string({ error: 'Metadata values are strings.' }).max(WEBHOOK_METADATA_VALUE_MAX_LENGTH, {
      error: `A metadata value has at most ${WEBHOOK_METADATA_VALUE_MAX_LENGTH} characters.`,
    }),
    { error: 'metadata is an object of strings.' },
  )
  .refine((metadata) => Object.keys(metadata).length <= WEBHOOK_METADATA_MAX_KEYS, {
    error: `metadata has at most ${WEBHOOK_METADATA_MAX_KEYS} keys.`,
  });

/** HTTP's token characters (RFC 9110): what a header name is made of. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;
/** Headers Keydesk writes itself on every delivery (Standard Webhooks' among them). */
const RESERVED_HEADER =
  /^(webhook-.*|host|content-type|content-length|transfer-encoding|connection|user-agent)$/i;

/** Extra headers sent with every delivery (Dodo's `headers`): names and values of HTTP. */
export const webhookHeadersSchema = z
  .record(
    z
      .string()
      .regex(HEADER_NAME, { error: 'A header name is letters, digits and - only.' })
      .refine((name) => !RESERVED_HEADER.test(name), {
        error: 'Keydesk sets this header itself on every delivery.',
      }),
    z
      .string({ error: 'Header values are strings.' })
      .max(WEBHOOK_HEADER_VALUE_MAX_LENGTH, {
        error: `A header value has at most ${WEBHOOK_HEADER_VALUE_MAX_LENGTH} characters.`,
      })
      .refine(hasNoControlCharacters, { error: 'A header value cannot contain line breaks.' }),
    { error: 'headers is an object of strings.' },
  )
  .refine((headers) => Object.keys(headers).length <= WEBHOOK_HEADERS_MAX, {
    error: `At most ${WEBHOOK_HEADERS_MAX} headers.`,
  });

/**
 * "Add endpoint" and the endpoint page's form: "All events", or the types checked (at least one).
 * Its output parses again to itself (the action checks what the form checked); chosenFilterTypes
 * gives what the data layer stores.
 */
export const webhookEndpointFormSchema = z
  .object({
    url: webhookUrlSchema,
    description: webhookDescriptionSchema,
    allEvents: z.boolean({ error: 'Choose All events or the event types to send.' }),
    filterTypes: webhookFilterTypesSchema,
  })
  .superRefine((values, context) => {
    if (!values.allEvents && values.filterTypes.length === 0) {
      context.addIssue({
        code: 'custom',
        path: ['filterTypes'],
        message: 'Choose at least one event type, or All events.',
      });
    }
  });

/** The event types the form chose, as stored: empty for All events. */
export function chosenFilterTypes(values: {
  allEvents: boolean;
  filterTypes: WebhookEventType[];
}): WebhookEventType[] {
  return values.allEvents ? [] : values.filterTypes;
}

export type WebhookEndpointFormValues = z.input<typeof webhookEndpointFormSchema>;
export type WebhookEndpointFormOutput = z.output<typeof webhookEndpointFormSchema>;
export type WebhookEndpointField = keyof WebhookEndpointFormValues;

/** A new endpoint, as the data layer takes it from the form or the API. */
export type WebhookEndpointInput = {
  url: string;
  description: string;
  /** Empty: every event type. */
  filterTypes: WebhookEventType[];
  disabled?: boolean;
  metadata?: Record<string, string>;
  /** Sent with every delivery; never shown again nor recorded in the activity trail. */
  headers?: Record<string, string>;
};

/** A change to an endpoint: an absent field is kept. */
export type WebhookEndpointPatch = Partial<
  Pick<WebhookEndpointInput, 'url' | 'description' | 'filterTypes' | 'metadata'> & {
    disabled: boolean;
  }
>;

/** An endpoint as the dashboard and the API see it; never its secret or its extra headers. */
export type WebhookEndpointView = {
  id: string;
  url: string;
  description: string;
  /** Empty: every event type. */
  filterTypes: WebhookEventType[];
  metadata: Record<string, string>;
  disabled: boolean;
  /** Why Keydesk disabled it (every delivery failing for days); null when a person did, or it is enabled. */
  disabledReason: string | null;
  /** Since when every delivery has failed; null after a success. */
  failingSince: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export const WEBHOOK_NOT_FOUND_MESSAGE =
  'This webhook endpoint no longer exists in this business. Go back to the list of endpoints.';

/** The data layer's failure codes, as the Webhooks pages tell them. */
export const webhookFailures = {
  WEBHOOK_NOT_FOUND: { message: WEBHOOK_NOT_FOUND_MESSAGE },
  ...(Object.fromEntries(
    Object.entries(WEBHOOK_URL_MESSAGES).map(([code, message]) => [
      code,
      { field: 'url', message },
    ]),
  ) as Record<WebhookUrlRefusalCode, { field: 'url'; message: string }>),
} as const;

export const webhookIdSchema = z.string().trim().min(1).max(64);

/** "Reveal secret": the secret, to the browser of an owner or admin who asked (recorded). */
export type RevealWebhookSecretSuccess = { ok: true; secret: string };
/** "Rotate secret": until when the old secret still verifies, ISO 8601. */
export type RotateWebhookSecretSuccess = { ok: true; previousSecretExpiresAt: string };
