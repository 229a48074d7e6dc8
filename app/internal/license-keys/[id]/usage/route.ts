import { NotAllowedError } from '@/lib/auth/authorize';
import { memberFor } from '@/lib/auth/member';
import { getLicenseKeyUsage } from '@/lib/license-key-instances/data';

// The key page's live activations: GET /internal/license-keys/lic_…/usage, polled every 2 seconds.
// A key of another business answers 404, as if it did not exist.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  let member;
  try {
    member = await memberFor('keys:view');
  } catch (error) {
    if (error instanceof NotAllowedError) {
      const status = error.reason === 'signed-out' ? 401 : 403;
      return Response.json({ code: error.reason, message: error.message }, noStore(status));
    }
    throw error;
  }
  const { id } = await params;
  const usage = await getLicenseKeyUsage(member.businessId, id);
  if (!usage) {
    return Response.json({ code: 'not_found', message: 'License key not found.' }, noStore(404));
  }
  return Response.json(usage, noStore(200));
}

function noStore(status: number): ResponseInit {
  return { status, headers: { 'Cache-Control': 'no-store' } };
}
