// Which of the business's products an import row names: by ID, or by name. No server imports.

export type ImportProduct = { id: string; name: string; archived: boolean };

export type ProductMatch = { ok: true; product: ImportProduct } | { ok: false; message: string };

const nameKey = (name: string) => name.trim().toLowerCase();

/**
 * Finds products by ID (exactly) or by name (trimmed, any case), loaded once per import. A name
 * two products share is ambiguous, unless only one of them is active: an archived product takes no
 * keys, so the active one is meant.
 */
export class ProductResolver {
  private readonly byId = new Map<string, ImportProduct>();
  private readonly byName = new Map<string, ImportProduct[]>();

  constructor(products: readonly ImportProduct[]) {
    for (const product of products) {
      this.byId.set(product.id, product);
      const key = nameKey(product.name);
      const named = this.byName.get(key);
      if (named) named.push(product);
      else this.byName.set(key, [product]);
    }
  }

  resolve(text: string): ProductMatch {
    const wanted = text.trim();
    const byId = this.byId.get(wanted);
    if (byId) return usable(byId);
    const named = this.byName.get(nameKey(wanted)) ?? [];
    if (named.length === 0) {
      return {
        ok: false,
        message: `Unknown product “${wanted}”. Use a product's name or ID, or create the product first.`,
      };
    }
    const active = named.filter((product) => !product.archived);
    if (active.length === 1) return { ok: true, product: active[0] };
    if (active.length === 0) return usable(named[0]);
    return {
      ok: false,
      message: `${active.length === 2 ? 'Two' : active.length} products are named “${wanted}”: use the product ID.`,
    };
  }
}

function usable(product: ImportProduct): ProductMatch {
  return product.archived
    ? { ok: false, message: `Product “${product.name}” is archived: it takes no new keys.` }
    : { ok: true, product };
}
