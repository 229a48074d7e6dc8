import { z } from 'zod';
import { CONTROL_CHARACTERS } from '@/lib/text';
import { API_KEY_NAME_MAX_LENGTH } from './limits';

// Shared by the create form (client-side validation) and the server action. No server imports here.

export { API_KEY_NAME_MAX_LENGTH } from './limits';

export const API_KEY_NOT_FOUND_MESSAGE =
  'This API key no longer exists in this business. Reload the page to see the current keys.';

export const API_KEY_NAME_TAKEN_MESSAGE =
  'An active API key already has this name. Choose another name, so the two can be told apart.';

export const createApiKeySchema = z.object({
  name: z
    .string({ error: 'Enter a name for the API key.' })
    .trim()
    .min(1, { error: 'Enter a name for the API key, such as the app that will use it.' })
    .max(API_KEY_NAME_MAX_LENGTH, {
      error: `A name has at most ${API_KEY_NAME_MAX_LENGTH} characters.`,
    })
    .refine((name) => !CONTROL_CHARACTERS.test(name), {
      error: 'A name cannot contain control characters such as tabs or line breaks.',
    }),
  readOnly: z.boolean({ error: 'Choose whether the key is read-only.' }),
});

export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;
export type CreateApiKeyFormValues = z.input<typeof createApiKeySchema>;
/** The secret travels to the browser exactly once, in this answer; it is never stored or shown again. */
export type CreateApiKeySuccess = { ok: true; id: string; name: string; secret: string };

/** The data layer's failure codes, as the API keys page tells them. */
export const apiKeyFailures = {
  API_KEY_NAME_TAKEN: { field: 'name', message: API_KEY_NAME_TAKEN_MESSAGE },
  API_KEY_NOT_FOUND: { message: API_KEY_NOT_FOUND_MESSAGE },
} as const;

export const apiKeyIdSchema = z.object({ id: z.string().trim().min(1).max(100) });

export type ApiKeyView = {
  id: string;
  name: string;
  readOnly: boolean;
  /** The first characters of the secret, e.g. "kd_live_AbC1"; never the secret itself. */
  prefix: string;
  createdAt: Date;
  /** The creator's name as it was then ("Sam Rivera"), or null when no record says. */
  createdBy: string | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};
