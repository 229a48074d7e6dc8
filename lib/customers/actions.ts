'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { memberAction } from '@/lib/auth/member-action';
import { createCustomer } from './data';
import {
  afterCreateCustomerPath,
  createCustomerSchema,
  customerFailures,
  safeReturnTo,
} from './schema';

/** The form's fields, and where to go back to (already made safe: a path of this site, or null). */
const createCustomerActionSchema = createCustomerSchema.extend({ returnTo: z.string().nullable() });

/**
 * Creates a customer in the business of the session. On success it goes to the customer list, or
 * back to `returnTo` with `customerId` added, so it only ever answers failures.
 */
export const createCustomerAction = memberAction({
  name: 'createCustomer',
  permission: 'customers:create',
  schema: createCustomerActionSchema,
  input: (input: unknown, returnTo?: unknown) => ({
    ...(typeof input === 'object' && input !== null ? input : {}),
    returnTo: safeReturnTo(returnTo),
  }),
  failures: customerFailures,
  run: async (actor, { returnTo, ...input }) => {
    const result = await createCustomer(actor, input);
    if (!result.ok) return result;
    revalidatePath('/customers');
    redirect(afterCreateCustomerPath(result.value.id, returnTo));
  },
});
