import { startPostgres, type PostgresServer } from '../../scripts/lib/postgres-server';

/*
 * One throwaway PostgreSQL server for the unit tests (tests/helpers/engines.ts gives each test
 * file its own database on it); the database layer's tests run on it and on SQLite.
 */
export default async function globalSetup(): Promise<void> {
  const server = await startPostgres();
  (globalThis as { portalTestPostgres?: PostgresServer }).portalTestPostgres = server;
  process.env.PORTAL_TEST_POSTGRES_URL = server.url;
}
