'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { auth } from '@/lib/auth/auth';
import { setCurrentBusiness } from '@/lib/auth/business-cookie';
import { getSession } from '@/lib/auth/member';
import { memberAction } from '@/lib/auth/member-action';
import { genericErrorMessage, logUnexpectedError, newRequestId } from '@/lib/log';
import type { ActionFailure } from '@/lib/result';
import { renameBusiness, transferOwnership } from './data';
import { createBusiness, setUpInstallation } from './data-setup';
import { setBusinessTimeZone } from './data-time-zone';
import {
  businessFailures,
  createBusinessSchema,
  renameBusinessSchema,
  setBusinessTimeZoneSchema,
  setupFailures,
  setupSchema,
  setupTokenSchema,
  transferOwnershipSchema,
  type SetupField,
} from './schema';

/** Renames the member's business; the new name shows everywhere at once. */
export const renameBusinessAction = memberAction({
  name: 'renameBusiness',
  permission: 'business:manage',
  schema: renameBusinessSchema,
  failures: businessFailures,
  run: async (actor, input) => {
    const result = await renameBusiness(actor, input);
    if (!result.ok) return result;
    revalidatePath('/', 'layout');
    const message = result.value.changed ? 'Name saved.' : 'The name is unchanged.';
    return { ok: true as const, message };
  },
});

/** Sets the zone the overview's days and months follow. */
export const setBusinessTimeZoneAction = memberAction({
  name: 'setBusinessTimeZone',
  permission: 'business:manage',
  schema: setBusinessTimeZoneSchema,
  failures: businessFailures,
  logContext: ({ timeZone }) => ({ timeZone }),
  run: async (actor, input) => {
    const result = await setBusinessTimeZone(actor, input);
    if (!result.ok) return result;
    revalidatePath('/', 'layout');
    const message = result.value.changed
      ? `Time zone saved: ${input.timeZone}.`
      : 'The time zone is unchanged.';
    return { ok: true as const, message };
  },
});

/**
 * Hands the business to another member. The former owner is an admin afterwards and may no longer
 * open the business settings, so success goes on to the members page, where the new roles show.
 */
export const transferOwnershipAction = memberAction({
  name: 'transferOwnership',
  permission: 'business:manage',
  schema: transferOwnershipSchema,
  failures: businessFailures,
  logContext: ({ membershipId }) => ({ membershipId }),
  run: async (actor, input) => {
    const result = await transferOwnership(actor, input);
    if (!result.ok) return result;
    revalidatePath('/', 'layout');
    redirect('/settings/members');
  },
});

/**
 * The first-run setup (/setup): makes the first business and its owner, signs the owner in and
 * opens the dashboard. Refused without a valid setup token or once an owner exists.
 */
export async function setupAction(input: unknown): Promise<ActionFailure<SetupField>> {
  const token = setupTokenSchema.safeParse((input as { token?: unknown } | null)?.token);
  if (!token.success) {
    return { ok: false, fieldErrors: {}, formError: setupFailures.SETUP_UNAVAILABLE.message };
  }
  const parsed = setupSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const requestId = newRequestId();
  try {
    const result = await setUpInstallation(parsed.data, { token: token.data, requestId });
    if (!result.ok) {
      const failure = setupFailures[result.code];
      return 'field' in failure
        ? { ok: false, fieldErrors: { [failure.field]: [failure.message] } }
        : { ok: false, fieldErrors: {}, formError: failure.message };
    }
    // nextCookies() sets the session cookie on this action's answer: the owner is signed in.
    const { email, password } = parsed.data;
    await auth.api.signInEmail({ body: { email, password }, headers: await headers() });
    await setCurrentBusiness(result.value.businessId);
  } catch (error) {
    logUnexpectedError(requestId, error, { action: 'setup' });
    return { ok: false, fieldErrors: {}, formError: genericErrorMessage(requestId) };
  }
  revalidatePath('/', 'layout');
  redirect('/');
}

/** A signed-in person makes another business, becomes its owner, and goes to it. */
export async function createBusinessAction(input: unknown): Promise<ActionFailure<'name'>> {
  const parsed = createBusinessSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const session = await getSession();
  if (!session) redirect('/sign-in');
  const requestId = newRequestId();
  try {
    const { id, name, email } = session.user;
    const { businessId } = await createBusiness({ id, name, email }, parsed.data, requestId);
    await setCurrentBusiness(businessId);
  } catch (error) {
    logUnexpectedError(requestId, error, { action: 'createBusiness' });
    return { ok: false, fieldErrors: {}, formError: genericErrorMessage(requestId) };
  }
  revalidatePath('/', 'layout');
  redirect('/');
}
