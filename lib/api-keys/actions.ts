'use server';

import { revalidatePath } from 'next/cache';
import { memberAction } from '@/lib/auth/member-action';
import { createApiKey, revokeApiKey } from './data';
import {
  API_KEY_NOT_FOUND_MESSAGE,
  apiKeyFailures,
  apiKeyIdSchema,
  createApiKeySchema,
  type CreateApiKeySuccess,
} from './schema';

const API_KEYS_PATH = '/settings/api-keys';

/**
 * Creates an API key for the member's business. On success the answer carries the secret: the
 * only time it leaves the server.
 */
export const createApiKeyAction = memberAction({
  name: 'createApiKey',
  permission: 'api-keys:manage',
  schema: createApiKeySchema,
  failures: apiKeyFailures,
  run: async (actor, input) => {
    const result = await createApiKey(actor, input);
    if (!result.ok) return result;
    revalidatePath(API_KEYS_PATH);
    return { ok: true, ...result.value } satisfies CreateApiKeySuccess;
  },
});

/** Revokes an API key of the member's business, then shows the list again. */
export const revokeApiKeyAction = memberAction({
  name: 'revokeApiKey',
  permission: 'api-keys:manage',
  schema: apiKeyIdSchema,
  input: (id: string) => ({ id }),
  errorsOn: 'form',
  invalidMessage: API_KEY_NOT_FOUND_MESSAGE,
  failures: apiKeyFailures,
  logContext: ({ id }) => ({ apiKeyId: id }),
  run: async (actor, { id }) => {
    const result = await revokeApiKey(actor, id);
    if (!result.ok) return result;
    revalidatePath(API_KEYS_PATH);
    return undefined;
  },
});
