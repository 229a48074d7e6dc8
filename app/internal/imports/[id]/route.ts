import { memberOrResponse } from '@/lib/auth/member';
import { getImportJob } from '@/lib/imports/data-jobs';

// GET /internal/imports/imp_…: a job as its page shows it, polled while a pass runs (the progress
// bar). A job of another business answers 404, as if it did not exist.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const member = await memberOrResponse('keys:bulk-import');
  if (member instanceof Response) return member;
  const { id } = await params;
  const job = await getImportJob(member, id);
  const headers = { 'Cache-Control': 'no-store' };
  if (!job) {
    return Response.json(
      { code: 'not_found', message: 'Import not found.' },
      { status: 404, headers },
    );
  }
  return Response.json(job, { headers });
}
