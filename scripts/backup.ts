/**
 * npm run backup -- FILE   a consistent copy of the site's database, taken while the site serves
 *
 * SQLite (DATABASE_PATH): SQLite's online backup API copies the database page by page and
 * restarts when another connection writes meanwhile, so the copy is one consistent state (WAL
 * content included).
 * PostgreSQL (DATABASE_URL): pg_dump in its custom format (one consistent snapshot; restore
 * with pg_restore, README "Operations"). pg_dump comes from the PATH or the newest
 * /usr/lib/postgresql/N/bin; it should be at least the server's version.
 * Either way the copy is written beside FILE first and renamed into place when complete.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { databaseFile, databaseLabel, env } from '../lib/env';
import { closeDb, getDb } from '../lib/db/connection';
import { postgresBinaries } from './lib/postgres-server';

/** libpq's environment for a postgres:// URL (a password on pg_dump's command line would show in ps). */
function libpqEnv(url: string): Record<string, string | undefined> {
  const parsed = new URL(url);
  const set = (value: string | null | undefined) => (value ? decodeURIComponent(value) : undefined);
  return {
    PGHOST: set(parsed.hostname.replace(/^\[|\]$/g, '')),
    PGPORT: set(parsed.port),
    PGUSER: set(parsed.username),
    PGPASSWORD: set(parsed.password),
    PGDATABASE: set(parsed.pathname.slice(1)),
    PGSSLMODE: set(parsed.searchParams.get('sslmode')),
  };
}

function pgDump(): string {
  const bin = postgresBinaries();
  return bin ? path.join(bin, 'pg_dump') : 'pg_dump';
}

async function main() {
  const [target] = process.argv.slice(2);
  if (!target) {
    console.error('usage: npm run backup -- FILE');
    process.exit(2);
  }
  const file = path.resolve(target);
  const source = databaseLabel();
  if (!env.DATABASE_URL && file === path.resolve(databaseFile())) throw new Error('FILE must not be the database itself');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  fs.rmSync(partial, { force: true });
  const started = Date.now();
  if (env.DATABASE_URL) {
    execFileSync(pgDump(), ['--format=custom', '--no-owner', '--file', partial], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, ...libpqEnv(env.DATABASE_URL) },
    });
  } else {
    await getDb().backup(partial);
    closeDb();
  }
  fs.renameSync(partial, file);
  const size = fs.statSync(file).size;
  console.log(`Backed up ${source} to ${file} (${(size / 1024 / 1024).toFixed(1)} MB in ${Date.now() - started} ms)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
