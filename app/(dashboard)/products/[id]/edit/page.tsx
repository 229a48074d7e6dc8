import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ProductForm } from '@/components/products/product-form';
import { requireMember } from '@/lib/auth/member';
import { getProduct } from '@/lib/products/data';

export const metadata: Metadata = { title: 'Edit product' };

type Props = { params: Promise<{ id: string }> };

export default async function EditProductPage({ params }: Props) {
  const { id } = await params;
  const member = await requireMember('products:edit');
  const product = await getProduct(member, id);
  if (!product) notFound();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/products" className="text-indigo-700 underline-offset-2 hover:underline">
          Products
        </Link>
      </p>
      <h1 className="text-2xl font-semibold tracking-tight">Edit {product.name}</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">
        These terms apply to keys issued from now on. Keys already issued keep theirs. Id{' '}
        <span className="font-mono">{product.id}</span>
      </p>
      <ProductForm product={product} />
    </>
  );
}
