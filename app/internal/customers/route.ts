import { memberOrResponse } from '@/lib/auth/member';
import { searchCustomers } from '@/lib/customers/data';
import { searchQuerySchema } from '@/lib/search';

// Search behind the dashboard's customer picker: GET /internal/customers?q=dana
export async function GET(request: Request) {
  const member = await memberOrResponse('keys:view');
  if (member instanceof Response) return member;
  const { q } = searchQuerySchema.parse({ q: new URL(request.url).searchParams.get('q') ?? '' });
  const customers = await searchCustomers(member, q);
  // Not gzipped (no-transform): at most SEARCH_LIMIT short rows, a couple of KB, and on every
  // keystroke; compressing them cost the server more CPU than the search (issue 13's profile).
  return Response.json(
    { items: customers },
    { headers: { 'Cache-Control': 'no-store, no-transform' } },
  );
}
