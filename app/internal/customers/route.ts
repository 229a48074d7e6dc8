import { NotAllowedError } from '@/lib/auth/authorize';
import { memberFor } from '@/lib/auth/member';
import { searchCustomers } from '@/lib/customers/data';
import { searchQuerySchema } from '@/lib/search';

// Search behind the dashboard's customer picker: GET /internal/customers?q=dana
export async function GET(request: Request) {
  let member;
  try {
    member = await memberFor('keys:view');
  } catch (error) {
    if (error instanceof NotAllowedError) return notAllowed(error);
    throw error;
  }
  const { q } = searchQuerySchema.parse({ q: new URL(request.url).searchParams.get('q') ?? '' });
  const customers = await searchCustomers(member.businessId, q);
  return Response.json({ items: customers }, { headers: { 'Cache-Control': 'no-store' } });
}

function notAllowed(error: NotAllowedError) {
  const status = error.reason === 'signed-out' ? 401 : 403;
  return Response.json({ code: error.reason, message: error.message }, { status });
}
