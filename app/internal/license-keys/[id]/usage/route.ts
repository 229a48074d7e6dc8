import { memberOrResponse } from '@/lib/auth/member';
import { getLicenseKeyUsage } from '@/lib/license-key-instances/data';

// The key page's live activations: GET /internal/license-keys/lic_…/usage, polled every 2 seconds.
// A key of another business answers 404, as if it did not exist.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const member = await memberOrResponse('keys:view');
  if (member instanceof Response) return member;
  const { id } = await params;
  const usage = await getLicenseKeyUsage(member, id);
  if (!usage) {
    return Response.json({ code: 'not_found', message: 'License key not found.' }, noStore(404));
  }
  return Response.json(usage, noStore(200));
}

function noStore(status: number): ResponseInit {
  return { status, headers: { 'Cache-Control': 'no-store' } };
}
