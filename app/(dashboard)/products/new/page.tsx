import type { Metadata } from 'next';
import Link from 'next/link';
import { ProductForm } from '@/components/products/product-form';
import { requireMember } from '@/lib/auth/member';

export const metadata: Metadata = { title: 'New product' };

export default async function NewProductPage() {
  await requireMember('products:create');
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/products" className="text-indigo-700 underline-offset-2 hover:underline">
          Products
        </Link>
      </p>
      <h1 className="text-2xl font-semibold tracking-tight">New product</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">
        Keys issued for the product start with these terms; you can change them later.
      </p>
      <ProductForm />
    </>
  );
}
