import { checkReadiness } from '@/lib/health';
import { NO_STORE } from '@/lib/http/headers';
import { otherMethods } from '@/lib/http/methods';
import { log } from '@/lib/log';

/**
 * GET /api/health: readiness for a load balancer or an orchestrator. 200 when the database
 * answers, 503 when it does not; never cached, no details beyond that.
 */
export const dynamic = 'force-dynamic';

export async function GET() {
  const database = await checkReadiness();
  if (!database.ok) {
    log.error({ event: 'health.unavailable', err: database.error }, 'health check: the database does not answer');
    return Response.json({ status: 'unavailable', database: 'unreachable' }, { status: 503, headers: NO_STORE });
  }
  return Response.json({ status: 'ok', database: 'ok', schemaVersion: database.schemaVersion }, { headers: NO_STORE });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
