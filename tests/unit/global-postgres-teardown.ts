import type { PostgresServer } from '../../scripts/lib/postgres-server';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { portalTestPostgres?: PostgresServer }).portalTestPostgres?.remove();
}
