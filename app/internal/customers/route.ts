import { requireBusiness } from '@/lib/auth/current-business';
import { searchCustomers } from '@/lib/customers/data';
import { searchQuerySchema } from '@/lib/search';

// Search behind the dashboard's customer picker: GET /internal/customers?q=dana
export async function GET(request: Request) {
  const { businessId } = await requireBusiness();
  const { q } = searchQuerySchema.parse({ q: new URL(request.url).searchParams.get('q') ?? '' });
  const customers = await searchCustomers(businessId, q);
  return Response.json({ items: customers }, { headers: { 'Cache-Control': 'no-store' } });
}
