import { memberOrResponse } from '@/lib/auth/member';
import { csvHeader } from '@/lib/license-keys/csv';
import { exportLicenseKeys } from '@/lib/license-keys/data-export';
import { keyListViewSchema } from '@/lib/license-keys/list';
import { logUnexpectedError } from '@/lib/log';

// GET /license-keys/export?<the key list's query>: every key of that view as CSV, streamed chunk by
// chunk as the download reads it (pull), so the server holds one chunk at a time.
export async function GET(request: Request) {
  const member = await memberOrResponse('keys:reveal');
  if (member instanceof Response) return member;
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const { filter, sort } = keyListViewSchema.parse(params);
  const chunks = await exportLicenseKeys(member, filter, sort);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${csvHeader()}`));
    },
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        // The status line has gone out: the download ends short, and the log says why.
        logUnexpectedError(member.requestId, error, { route: 'license-keys/export' });
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="license-keys-${day}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
