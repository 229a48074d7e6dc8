import { memberOrResponse } from '@/lib/auth/member';
import { importProblemPages } from '@/lib/imports/data-problems';
import { importErrorLine, importErrorsCsvHeader } from '@/lib/imports/errors-csv';
import { logUnexpectedError } from '@/lib/log';

// GET /license-keys/import/imp_…/problems: every error and conflict of the job's last pass as CSV
// (line, column, message, and whether it is an error or a conflict), streamed a page at a time.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const member = await memberOrResponse('keys:bulk-import');
  if (member instanceof Response) return member;
  const { id } = await params;
  const pages = await importProblemPages(member, id);
  if (!pages) return new Response('Import not found.', { status: 404 });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${importErrorsCsvHeader()}`));
    },
    async pull(controller) {
      try {
        const next = await pages.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value.map(importErrorLine).join('')));
      } catch (error) {
        logUnexpectedError(member.requestId, error, { route: 'license-keys/import/problems' });
        controller.error(error);
      }
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="import-problems-${id}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
