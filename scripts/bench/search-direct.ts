/**
 * npx tsx scripts/bench/search-direct.ts --sqlite FILE [--postgres 1] [--rounds 40]
 *
 * Times searchArticles itself (no HTTP, no rendering) on a database such as the benchmark's
 * (`DATABASE_PATH=FILE npm run seed -- --articles 100000`): each query of
 * scripts/bench/search.ts, best match and newest first, one after another, p50 and p99 per
 * query. `--postgres 1` also copies FILE into a throwaway PostgreSQL server (npm run db:copy),
 * lets the first search index the copy (the path an upgraded database takes) and times the
 * same queries there.
 */
import path from 'node:path';
import { openDatabase } from '../../lib/db/connection';
import { type Database, migratePostgres, postgresDatabase, sqliteDatabase } from '../../lib/db/database';
import { ensureSearchIndex } from '../../lib/search/indexing';
import { searchArticlesIn } from '../../lib/search/search';
import type { SearchOrder } from '../../lib/search/types';
import { startPostgres } from '../lib/postgres-server';
import { SEARCH_QUERIES } from './search';
import { copyDatabase } from './site';

function parseArgs(argv: string[]) {
  const args = { sqlite: '', postgres: false, rounds: 40 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--sqlite') args.sqlite = path.resolve(argv[++i] ?? '');
    else if (arg === '--postgres') args.postgres = argv[++i] === '1';
    else if (arg === '--rounds') args.rounds = Number(argv[++i]);
    else throw new Error(`Unknown argument: ${arg}`);
  }
  if (!args.sqlite) throw new Error('--sqlite FILE is required');
  return args;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function timeQueries(label: string, db: Database, rounds: number): Promise<void> {
  console.log(`\n${label}`);
  // CPU time of this process too: on a shared machine wall time includes waiting for a core;
  // on SQLite the search's whole work is in this process (on PostgreSQL only the client's part).
  console.log('query | order | total | p50 ms | p99 ms | max ms | CPU p50 ms');
  const all: number[] = [];
  for (const locale of ['en', 'zh'] as const) {
    for (const q of SEARCH_QUERIES[locale]) {
      for (const order of ['relevance', 'newest'] as SearchOrder[]) {
        const request = { locale, q, channel: null, time: 'any' as const, order, page: 1 };
        let total = 0;
        for (let i = 0; i < 3; i++) total = (await searchArticlesIn(db, request)).total;
        const times: number[] = [];
        const cpu: number[] = [];
        for (let i = 0; i < rounds; i++) {
          const started = process.hrtime.bigint();
          const cpuStarted = process.cpuUsage();
          await searchArticlesIn(db, request);
          const used = process.cpuUsage(cpuStarted);
          cpu.push((used.user + used.system) / 1000);
          times.push(Number(process.hrtime.bigint() - started) / 1e6);
        }
        times.sort((a, b) => a - b);
        cpu.sort((a, b) => a - b);
        all.push(...times);
        console.log(`${locale} "${q}" | ${order} | ${total} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 99).toFixed(1)} | ${times.at(-1)!.toFixed(1)} | ${percentile(cpu, 50).toFixed(1)}`);
      }
    }
  }
  all.sort((a, b) => a - b);
  console.log(`all queries: p50 ${percentile(all, 50).toFixed(1)} ms, p99 ${percentile(all, 99).toFixed(1)} ms (${all.length} searches)`);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const sqlite = sqliteDatabase(openDatabase(args.sqlite));
  const filled = await ensureSearchIndex(sqlite);
  if (filled) console.log(`indexed ${filled} articles first`);
  await timeQueries(`SQLite ${args.sqlite}`, sqlite, args.rounds);
  await sqlite.destroy();
  if (!args.postgres) return;

  const server = await startPostgres();
  try {
    const url = await server.createDatabase('search_bench');
    const seconds = copyDatabase(process.cwd(), { ...process.env }, args.sqlite, url);
    console.log(`\ncopied into PostgreSQL in ${seconds.toFixed(1)} s`);
    const db = postgresDatabase(url, { poolSize: 4 });
    await migratePostgres(db);
    const started = Date.now();
    const indexed = await ensureSearchIndex(db);
    console.log(`indexed ${indexed} articles on PostgreSQL in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await timeQueries('PostgreSQL (throwaway server, fsync off)', db, args.rounds);
    await db.destroy();
  } finally {
    await server.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
