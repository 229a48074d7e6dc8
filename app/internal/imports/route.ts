import { memberOrResponse } from '@/lib/auth/member';
import { isForeignOrigin } from '@/lib/http/same-origin';
import { createImportJob } from '@/lib/imports/data-jobs';
import { uploadFailureMessages } from '@/lib/imports/schema';
import { logUnexpectedError } from '@/lib/log';

// POST /internal/imports: the import page uploads a CSV file here as the request's body (not a
// form: the file is streamed into the database as it arrives, never held whole), its name in
// `X-File-Name` (URI-encoded). Answers 201 {id} for the new job, or 4xx {code, message}. Outside
// proxy.ts's matcher, so no proxy buffers the body (Next caps what a proxy reads at 10 MB).
export async function POST(request: Request) {
  const member = await memberOrResponse('keys:bulk-import');
  if (member instanceof Response) return member;
  // Cookies are SameSite=Lax, so another site's POST comes without a session; refuse one anyway.
  if (isForeignOrigin(request.headers)) {
    return failure(403, 'FORBIDDEN', 'Uploads come from Keydesk’s own pages.');
  }
  const name = fileName(request.headers.get('x-file-name'));
  if (!name.toLowerCase().endsWith('.csv') && !name.toLowerCase().endsWith('.txt')) {
    return failure(415, 'NOT_CSV', uploadFailureMessages.NOT_CSV);
  }
  if (!request.body) return failure(422, 'EMPTY_FILE', uploadFailureMessages.EMPTY_FILE);
  try {
    // Node's web streams are async iterable; TypeScript's DOM types do not say so yet.
    const source = request.body as unknown as AsyncIterable<Uint8Array>;
    const result = await createImportJob(member, { name, source });
    if (!result.ok) {
      const message = uploadFailureMessages[result.code];
      const detail = result.message ? `${message} ${result.message}` : message;
      return failure(result.code === 'FILE_TOO_LARGE' ? 413 : 422, result.code, detail);
    }
    return Response.json({ id: result.value.id }, { status: 201, headers: NO_STORE });
  } catch (error) {
    logUnexpectedError(member.requestId, error, { route: 'internal/imports' });
    return failure(
      500,
      'INTERNAL',
      `Something went wrong on our side; nothing was imported. Reference: ${member.requestId}`,
    );
  }
}

const NO_STORE = { 'Cache-Control': 'no-store' };

function failure(status: number, code: string, message: string) {
  return Response.json({ code, message }, { status, headers: NO_STORE });
}

function fileName(header: string | null): string {
  if (!header) return 'upload.csv';
  try {
    return decodeURIComponent(header)
      .replace(/[\u0000-\u001f\u007f/\\]/g, '_')
      .slice(0, 255);
  } catch {
    return 'upload.csv';
  }
}
