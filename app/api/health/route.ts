import { getDb } from '@/lib/db/connection';
import { checkDatabase } from '@/lib/db/health';

/**
 * GET /api/health: readiness for a load balancer or an orchestrator. 200 when the database
 * answers, 503 when it does not; never cached, no details beyond that.
 */
export const dynamic = 'force-dynamic';

export function GET() {
  const headers = { 'Cache-Control': 'no-store' };
  let database: ReturnType<typeof checkDatabase>;
  try {
    database = checkDatabase(getDb());
  } catch {
    database = { ok: false };
  }
  if (!database.ok) return Response.json({ status: 'unavailable', database: 'unreachable' }, { status: 503, headers });
  return Response.json({ status: 'ok', database: 'ok', schemaVersion: database.schemaVersion }, { headers });
}
