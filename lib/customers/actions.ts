'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { memberAction } from '@/lib/auth/member-action';
import { createCustomer, updateCustomer } from './data';
import {
  afterCreateCustomerPath,
  createCustomerSchema,
  customerFailures,
  safeReturnTo,
  updateCustomerSchema,
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

const updateCustomerActionSchema = updateCustomerSchema.extend({ id: z.string().min(1).max(64) });

/**
 * Saves a customer's name and email address. An email another customer of the business has is
 * refused on the email field and nothing changes; the change is audited by updateCustomer. Answers
 * the customer as saved, and the customer's page and the list are rendered again.
 */
export const updateCustomerAction = memberAction({
  name: 'updateCustomer',
  permission: 'customers:edit',
  schema: updateCustomerActionSchema,
  input: (id: unknown, input: unknown) => ({
    ...(typeof input === 'object' && input !== null ? input : {}),
    id,
  }),
  failures: customerFailures,
  logContext: ({ id }) => ({ customerId: id }),
  run: async (actor, { id, ...input }) => {
    const result = await updateCustomer(actor, id, input);
    if (!result.ok) return result;
    revalidatePath('/customers');
    revalidatePath(`/customers/${id}`);
    const { name, email } = result.value;
    return { ok: true as const, customer: { id, name, email } };
  },
});
