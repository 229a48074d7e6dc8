'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { memberOrRefusal } from '@/lib/auth/member';
import { genericErrorMessage, logUnexpectedError } from '@/lib/log';
import { createApiKey, revokeApiKey } from './data';
import {
  API_KEY_NOT_FOUND_MESSAGE,
  apiKeyIdSchema,
  createApiKeySchema,
  type CreateApiKeyResult,
} from './schema';

const API_KEYS_PATH = '/settings/api-keys';

/**
 * Creates an API key for the member's business. On success the answer carries the secret: the
 * only time it leaves the server. Expected failures come back as field or form errors.
 */
export async function createApiKeyAction(input: unknown): Promise<CreateApiKeyResult> {
  const actor = await memberOrRefusal('api-keys:manage');
  if (typeof actor === 'string') return { ok: false, fieldErrors: {}, formError: actor };
  const parsed = createApiKeySchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors };
  }
  let result: CreateApiKeyResult;
  try {
    result = await createApiKey(actor, parsed.data);
  } catch (error) {
    logUnexpectedError(actor.requestId, error, {
      action: 'createApiKey',
      businessId: actor.businessId,
    });
    return { ok: false, fieldErrors: {}, formError: genericErrorMessage(actor.requestId) };
  }
  if (result.ok) revalidatePath(API_KEYS_PATH);
  return result;
}

/** Revokes an API key of the member's business, then shows the list again. */
export async function revokeApiKeyAction(
  id: string,
): Promise<{ ok: false; formError: string } | undefined> {
  const actor = await memberOrRefusal('api-keys:manage');
  if (typeof actor === 'string') return { ok: false, formError: actor };
  const parsed = apiKeyIdSchema.safeParse(id);
  if (!parsed.success) return { ok: false, formError: API_KEY_NOT_FOUND_MESSAGE };
  let found: boolean;
  try {
    found = await revokeApiKey(actor, parsed.data);
  } catch (error) {
    logUnexpectedError(actor.requestId, error, {
      action: 'revokeApiKey',
      businessId: actor.businessId,
      apiKeyId: parsed.data,
    });
    return { ok: false, formError: genericErrorMessage(actor.requestId) };
  }
  if (!found) return { ok: false, formError: API_KEY_NOT_FOUND_MESSAGE };
  revalidatePath(API_KEYS_PATH);
}
