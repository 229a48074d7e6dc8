import { memberOrResponse } from '@/lib/auth/member';
import { searchCustomers } from '@/lib/customers/data';
import { searchQuerySchema } from '@/lib/search';

// Search behind the dashboard's customer picker: GET /internal/customers?q=dana
export async function GET(request: Request) {
  const member = await memberOrResponse('keys:view');
  if (member instanceof Response) return member;
  const { q } = searchQuerySchema.parse({ q: new URL(request.url).searchParams.get('q') ?? '' });
  const customers = await searchCustomers(member, q);
  return Response.json({ items: customers }, { headers: { 'Cache-Control': 'no-store' } });
}
