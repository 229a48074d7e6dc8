'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { memberAction } from '@/lib/auth/member-action';
import { createProduct, setProductArchived, updateProduct } from './data-write';
import { createProductSchema, productFailures, updateProductSchema } from './schema';

const productIdSchema = z.string().min(1).max(64);
const updateProductActionSchema = updateProductSchema.extend({ id: productIdSchema });

/** After a product changes: the product list, its edit page and the key form's picker show it. */
function revalidateProduct(id: string) {
  revalidatePath('/products');
  revalidatePath(`/products/${id}/edit`);
  revalidatePath('/license-keys');
}

/**
 * Creates a product of the member's business (owners and admins). On success it goes to the
 * product list, which says so, so it only ever answers failures.
 */
export const createProductAction = memberAction({
  name: 'createProduct',
  permission: 'products:create',
  schema: createProductSchema,
  run: async (actor, input) => {
    const product = await createProduct(actor, input);
    revalidateProduct(product.id);
    redirect(`/products?created=${encodeURIComponent(product.id)}`);
  },
});

/**
 * Saves a product's name, description and key defaults (owners and admins). On success it goes
 * back to the product list, so it only ever answers failures.
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
    revalidateProduct(id);
    redirect(`/products?saved=${encodeURIComponent(id)}`);
  },
});

/** Archives or unarchives a product of the member's business; the list shows its new state. */
export const setProductArchivedAction = memberAction({
  name: 'setProductArchived',
  permission: 'products:archive',
  schema: z.object({ id: productIdSchema, archived: z.boolean() }),
  input: (id: string, archived: boolean) => ({ id, archived }),
  errorsOn: 'form',
  invalidMessage: 'Product not found.',
  failures: productFailures,
  logContext: ({ id }) => ({ productId: id }),
  run: async (actor, { id, archived }) => {
    const result = await setProductArchived(actor, id, archived);
    if (!result.ok) return result;
    revalidateProduct(id);
    return { ok: true as const };
  },
});
