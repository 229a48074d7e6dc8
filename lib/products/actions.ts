'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { memberAction } from '@/lib/auth/member-action';
import { updateProduct } from './data';
import { productFailures, updateProductSchema } from './schema';

const updateProductActionSchema = updateProductSchema.extend({ id: z.string().min(1).max(64) });

/**
 * Saves a product's name and key defaults (owners and admins). On success it goes back to the
 * product list, so it only ever answers failures.
 */
export const updateProductAction = memberAction({
  name: 'updateProduct',
  permission: 'products:edit',
  schema: updateProductActionSchema,
  input: (id: unknown, input: unknown) => ({
    ...(typeof input === 'object' && input !== null ? input : {}),
    id,
  }),
  failures: productFailures,
  logContext: ({ id }) => ({ productId: id }),
  run: async (actor, { id, ...input }) => {
    const result = await updateProduct(actor, id, input);
    if (!result.ok) return result;
    revalidatePath('/products');
    revalidatePath(`/products/${id}/edit`);
    redirect(`/products?saved=${encodeURIComponent(id)}`);
  },
});
