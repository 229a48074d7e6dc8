import { apiRoute } from '@/lib/http/api-route';

/**
 * GET /api/health: a constant answer through the same wrapper as every endpoint (request id, JSON,
 * errors), without authentication, rate limit or any database statement. Load balancers poll it;
 * the throughput benchmark (scripts/bench/api-throughput.ts) uses it as its baseline.
 */
export const GET = apiRoute({ auth: 'public' }, async () => ({
  status: 200,
  body: { status: 'ok' },
}));
