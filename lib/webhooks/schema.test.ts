import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiCreateWebhookSchema, apiUpdateWebhookSchema } from './api-schema';
import { describeEndpointChanges, describeWebhookUrl } from './endpoint-rows';
import {
  chosenFilterTypes,
  webhookEndpointFormSchema,
  webhookFilterTypesSchema,
  webhookHeadersSchema,
  webhookMetadataSchema,
  webhookUrlSchema,
} from './schema';

const messages = (result: z.ZodSafeParseResult<unknown>) =>
  result.success ? {} : z.flattenError(result.error).fieldErrors;

describe('the endpoint form', () => {
  const valid = {
    url: ' https://hooks.example.com/keydesk ',
    description: 'CRM',
    allEvents: false,
    filterTypes: ['license_key.enabled', 'license_key.created', 'license_key.created'],
  };

  it('trims the URL and keeps each chosen type once, in Keydesk’s order', () => {
    const parsed = webhookEndpointFormSchema.parse(valid);
    expect(parsed).toEqual({
      url: 'https://hooks.example.com/keydesk',
      description: 'CRM',
      allEvents: false,
      filterTypes: ['license_key.created', 'license_key.enabled'],
    });
    // What the form checked, the action checks again to the same values.
    expect(webhookEndpointFormSchema.parse(parsed)).toEqual(parsed);
  });

  it('stores All events as no filter, whatever types were left checked', () => {
    const parsed = webhookEndpointFormSchema.parse({ ...valid, allEvents: true });
    expect(chosenFilterTypes(parsed)).toEqual([]);
    expect(chosenFilterTypes({ ...parsed, allEvents: false })).toHaveLength(2);
  });

  it('asks for at least one type when All events is off', () => {
    const result = webhookEndpointFormSchema.safeParse({ ...valid, filterTypes: [] });
    expect(messages(result)).toEqual({
      filterTypes: ['Choose at least one event type, or All events.'],
    });
  });

  it.each([
    ['empty', '', 'Enter the endpoint URL, such as https://example.com/webhooks.'],
    ['without a scheme', 'hooks.example.com', 'Enter a URL such as https://example.com/webhooks.'],
    [
      'of another scheme',
      'javascript:alert(1)',
      'Enter a URL such as https://example.com/webhooks.',
    ],
    [
      'with credentials',
      'https://me:pw@hooks.example.com/',
      expect.stringContaining('user name and password'),
    ],
    ['too long', `https://x.example/${'a'.repeat(2048)}`, 'A URL has at most 2,048 characters.'],
  ])('refuses a URL %s with one message', (_, url, message) => {
    expect(webhookUrlSchema.safeParse(url).error?.issues.map((issue) => issue.message)).toEqual([
      message,
    ]);
  });
});

describe('the API fields', () => {
  it('refuses unknown event types, naming them', () => {
    const result = webhookFilterTypesSchema.safeParse(['license_key.created', 'payment.succeeded']);
    expect(result.error?.issues[0]).toMatchObject({
      path: [],
      message: expect.stringContaining('Unknown event type: payment.succeeded.'),
    });
  });

  it('takes metadata as an object of short strings', () => {
    expect(webhookMetadataSchema.safeParse({ team: 'crm' }).success).toBe(true);
    expect(webhookMetadataSchema.safeParse({ n: 1 }).success).toBe(false);
    expect(webhookMetadataSchema.safeParse({ k: 'v'.repeat(501) }).success).toBe(false);
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    expect(webhookMetadataSchema.safeParse(many).success).toBe(false);
  });

  it('takes extra headers but none Keydesk sets, nor line breaks', () => {
    expect(webhookHeadersSchema.safeParse({ Authorization: 'Bearer x' }).success).toBe(true);
    for (const headers of [
      { 'webhook-signature': 'v1,forged' },
      { 'Content-Type': 'text/plain' },
      { Host: 'internal' },
      { 'X-Bad Name': 'x' },
      { 'X-Split': 'a\r\nInjected: yes' },
    ]) {
      expect(webhookHeadersSchema.safeParse(headers).success, JSON.stringify(headers)).toBe(false);
    }
  });

  it('reads Dodo’s create and update bodies: null and absent keep or default', () => {
    expect(apiCreateWebhookSchema.parse({ url: 'https://h.example/x', rate_limit: 5 })).toEqual({
      url: 'https://h.example/x',
      description: '',
      filterTypes: [],
      disabled: false,
      metadata: {},
      headers: {},
    });
    expect(apiUpdateWebhookSchema.parse({ description: null, disabled: false })).toEqual({
      url: undefined,
      description: undefined,
      filterTypes: undefined,
      disabled: false,
      metadata: undefined,
    });
  });
});

describe('the activity trail', () => {
  it('never shows a URL’s query, which may carry a receiver’s token', () => {
    expect(describeWebhookUrl('https://hooks.example.com/k?token=s3cret')).toBe(
      'https://hooks.example.com/k?…',
    );
    const before = {
      url: 'https://a.example/x?token=1',
      description: '',
      filterTypes: [],
      disabled: false,
    };
    const changes = describeEndpointChanges(before, {
      ...before,
      url: 'https://a.example/x?token=2',
      filterTypes: ['license_key.created'],
      disabled: true,
    });
    expect(changes).toEqual([
      'URL https://a.example/x?… → https://a.example/x?…',
      'events all events → license_key.created',
      'disabled',
    ]);
    expect(changes.join()).not.toMatch(/token/);
  });
});
