'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { memberOrRefusal } from '@/lib/auth/member';
import { genericErrorMessage, logUnexpectedError } from '@/lib/log';
import { createCustomer } from './data';
import {
  afterCreateCustomerPath,
  createCustomerSchema,
  safeReturnTo,
  type CreateCustomerFailure,
} from './schema';

/**
 * Creates a customer in the business of the session. Validates with the form's own schema and
 * answers expected failures as values. On success it redirects to the customer list, or back to
 * `returnTo` (a path of this site only) with `customerId` added, so it only ever returns failures.
 */
export async function createCustomerAction(
  input: unknown,
  returnTo?: unknown,
): Promise<CreateCustomerFailure> {
  const actor = await memberOrRefusal('customers:create');
  if (typeof actor === 'string') return { ok: false, fieldErrors: {}, formError: actor };
  const parsed = createCustomerSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors };
  }

  let result;
  try {
    result = await createCustomer(actor, parsed.data);
  } catch (error) {
    logUnexpectedError(actor.requestId, error, {
      action: 'createCustomer',
      businessId: actor.businessId,
    });
    return { ok: false, fieldErrors: {}, formError: genericErrorMessage(actor.requestId) };
  }
  if (!result.ok) return result;

  revalidatePath('/customers');
  redirect(afterCreateCustomerPath(result.id, safeReturnTo(returnTo)));
}
