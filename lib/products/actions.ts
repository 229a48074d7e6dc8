'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { memberOrRefusal } from '@/lib/auth/member';
import { genericErrorMessage, logUnexpectedError } from '@/lib/log';
import { updateProduct } from './data';
import { updateProductSchema, type UpdateProductFailure } from './schema';

/**
 * Saves a product's name and key defaults. Only owners and admins may; the product must belong to
 * the business of the session. Validates with the form's own schema and answers expected failures
 * as values. On success it redirects to the product list, so it only ever returns failures.
 */
export async function updateProductAction(
  id: unknown,
  input: unknown,
): Promise<UpdateProductFailure> {
  const actor = await memberOrRefusal('products:edit');
  if (typeof actor === 'string') return { ok: false, fieldErrors: {}, formError: actor };
  const parsed = updateProductSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors };
  }

  const productId = String(id);
  let result;
  try {
    result = await updateProduct(actor, productId, parsed.data);
  } catch (error) {
    logUnexpectedError(actor.requestId, error, {
      action: 'updateProduct',
      businessId: actor.businessId,
      productId,
    });
    return { ok: false, fieldErrors: {}, formError: genericErrorMessage(actor.requestId) };
  }
  if (!result.ok) return result;

  revalidatePath('/products');
  revalidatePath(`/products/${result.id}/edit`);
  redirect(`/products?saved=${encodeURIComponent(result.id)}`);
}
