import { requireBusiness } from '@/lib/auth/current-business';
import { searchQuerySchema } from '@/lib/search';
import { searchProducts } from '@/lib/products/data';

// Search behind the dashboard's product picker: GET /internal/products?q=photo
export async function GET(request: Request) {
  const { businessId } = await requireBusiness();
  const { q } = searchQuerySchema.parse({ q: new URL(request.url).searchParams.get('q') ?? '' });
  const products = await searchProducts(businessId, q);
  return Response.json({ items: products }, { headers: { 'Cache-Control': 'no-store' } });
}
