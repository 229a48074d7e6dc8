'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { memberAction } from '@/lib/auth/member-action';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  revealWebhookSecret,
  rotateWebhookSecret,
  updateWebhookEndpoint,
} from './data-endpoints';
import {
  WEBHOOK_NOT_FOUND_MESSAGE,
  chosenFilterTypes,
  webhookEndpointFormSchema,
  webhookFailures,
  webhookIdSchema,
  type RevealWebhookSecretSuccess,
  type RotateWebhookSecretSuccess,
} from './schema';

// The Settings → Webhooks page's actions (owners and admins). Each is a memberAction: session,
// permission (checked again in the data layer), the form's own schema, failure codes as messages.

const WEBHOOKS_PATH = '/settings/webhooks';
const endpointPath = (id: string) => `${WEBHOOKS_PATH}/${encodeURIComponent(id)}`;

function revalidateEndpoint(id: string) {
  revalidatePath(WEBHOOKS_PATH);
  revalidatePath(endpointPath(id));
}

const idOnly = z.object({ id: webhookIdSchema });
/** One-button actions on an endpoint: every message above the button. */
const onEndpoint = {
  errorsOn: 'form',
  invalidMessage: WEBHOOK_NOT_FOUND_MESSAGE,
  failures: webhookFailures,
  logContext: ({ id }: { id: string }) => ({ webhookEndpointId: id }),
} as const;

/** "Add endpoint": on success, the new endpoint's page, where its secret can be revealed. */
export const createWebhookEndpointAction = memberAction({
  name: 'createWebhookEndpoint',
  permission: 'webhooks:manage',
  schema: webhookEndpointFormSchema,
  failures: webhookFailures,
  run: async (actor, values) => {
    const result = await createWebhookEndpoint(actor, {
      url: values.url,
      description: values.description,
      filterTypes: chosenFilterTypes(values),
    });
    if (!result.ok) return result;
    revalidatePath(WEBHOOKS_PATH);
    redirect(`${endpointPath(result.value.id)}?added=1`);
  },
});

/** The endpoint page's "Save endpoint": its URL, description and event types. */
export const updateWebhookEndpointAction = memberAction({
  name: 'updateWebhookEndpoint',
  permission: 'webhooks:manage',
  schema: webhookEndpointFormSchema.safeExtend({ id: webhookIdSchema }),
  input: (id: unknown, values: unknown) => ({
    ...(typeof values === 'object' && values !== null ? values : {}),
    id,
  }),
  failures: webhookFailures,
  logContext: ({ id }) => ({ webhookEndpointId: id }),
  run: async (actor, { id, ...values }) => {
    const result = await updateWebhookEndpoint(actor, id, {
      url: values.url,
      description: values.description,
      filterTypes: chosenFilterTypes(values),
    });
    if (!result.ok) return result;
    revalidateEndpoint(id);
    return { ok: true as const };
  },
});

/** "Disable endpoint" / "Enable endpoint" (enabling also clears why Keydesk disabled it). */
export const setWebhookEndpointDisabledAction = memberAction({
  name: 'setWebhookEndpointDisabled',
  permission: 'webhooks:manage',
  schema: idOnly.extend({ disabled: z.boolean() }),
  input: (id: string, disabled: boolean) => ({ id, disabled }),
  ...onEndpoint,
  run: async (actor, { id, disabled }) => {
    const result = await updateWebhookEndpoint(actor, id, { disabled });
    if (!result.ok) return result;
    revalidateEndpoint(id);
    return { ok: true as const };
  },
});

/** "Delete endpoint": then the list, which says so. */
export const deleteWebhookEndpointAction = memberAction({
  name: 'deleteWebhookEndpoint',
  permission: 'webhooks:manage',
  schema: idOnly,
  input: (id: string) => ({ id }),
  ...onEndpoint,
  run: async (actor, { id }) => {
    const result = await deleteWebhookEndpoint(actor, id);
    if (!result.ok) return result;
    revalidateEndpoint(id);
    redirect(`${WEBHOOKS_PATH}?deleted=1`);
  },
});

/** "Reveal secret": the signing secret, recorded in the activity trail as viewed. */
export const revealWebhookSecretAction = memberAction({
  name: 'revealWebhookSecret',
  permission: 'webhooks:manage',
  schema: idOnly,
  input: (id: string) => ({ id }),
  ...onEndpoint,
  run: async (actor, { id }) => {
    const result = await revealWebhookSecret(actor, id);
    if (!result.ok) return result;
    return { ok: true, secret: result.value.secret } satisfies RevealWebhookSecretSuccess;
  },
});

/** "Rotate secret": a new secret; the old one keeps verifying for 24 hours. */
export const rotateWebhookSecretAction = memberAction({
  name: 'rotateWebhookSecret',
  permission: 'webhooks:manage',
  schema: idOnly,
  input: (id: string) => ({ id }),
  ...onEndpoint,
  run: async (actor, { id }) => {
    const result = await rotateWebhookSecret(actor, id);
    if (!result.ok) return result;
    revalidateEndpoint(id);
    return {
      ok: true,
      previousSecretExpiresAt: result.value.previousSecretExpiresAt.toISOString(),
    } satisfies RotateWebhookSecretSuccess;
  },
});
