import { apiRoute } from '@/lib/http/api-route';
import { buildOpenApiDocument, type OpenApiDocument } from '@/lib/http/openapi';

let document: OpenApiDocument | undefined;

const serve = apiRoute({ auth: 'public' }, async () => ({
  status: 200,
  body: (document ??= buildOpenApiDocument()),
}));

/** GET /api/openapi.json: public; the same for every caller until the next deploy, so cacheable. */
export async function GET(request: Request, context: { params: Promise<Record<string, never>> }) {
  const response = await serve(request, context);
  if (response.ok) response.headers.set('cache-control', 'public, max-age=300');
  return response;
}
