import { memberOrResponse } from '@/lib/auth/member';
import { searchProducts } from '@/lib/products/data';
import { searchQuerySchema } from '@/lib/search';

// Search behind the dashboard's product picker: GET /internal/products?q=photo
export async function GET(request: Request) {
  const member = await memberOrResponse('keys:view');
  if (member instanceof Response) return member;
  const { q } = searchQuerySchema.parse({ q: new URL(request.url).searchParams.get('q') ?? '' });
  const products = await searchProducts(member, q);
  return Response.json({ items: products }, { headers: { 'Cache-Control': 'no-store' } });
}
