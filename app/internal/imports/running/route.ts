import { memberOrResponse } from '@/lib/auth/member';
import { runningImportJob } from '@/lib/imports/data-jobs';
import { toRunningImport } from '@/lib/imports/running';

// GET /internal/imports/running: the business's import that is writing keys now, as the key list's
// banner shows it ({id, fileName, rowsDone, totalRows}), or null. Polled every 2 seconds while the
// banner shows; anyone who sees the keys may ask.
export async function GET() {
  const member = await memberOrResponse('keys:view');
  if (member instanceof Response) return member;
  const job = await runningImportJob(member);
  return Response.json(job && toRunningImport(job), { headers: { 'Cache-Control': 'no-store' } });
}
