import { NotAllowedError } from '@/lib/auth/authorize';
import { memberFor } from '@/lib/auth/member';
import { searchProducts } from '@/lib/products/data';
import { searchQuerySchema } from '@/lib/search';

// Search behind the dashboard's product picker: GET /internal/products?q=photo
export async function GET(request: Request) {
  let member;
  try {
    member = await memberFor('keys:view');
  } catch (error) {
    if (error instanceof NotAllowedError) {
      const status = error.reason === 'signed-out' ? 401 : 403;
      return Response.json({ code: error.reason, message: error.message }, { status });
    }
    throw error;
  }
  const { q } = searchQuerySchema.parse({ q: new URL(request.url).searchParams.get('q') ?? '' });
  const products = await searchProducts(member.businessId, q);
  return Response.json({ items: products }, { headers: { 'Cache-Control': 'no-store' } });
}
