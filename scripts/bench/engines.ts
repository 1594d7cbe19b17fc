import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { startCluster, type Cluster } from '../lib/cluster';
import { freePort } from '../lib/local-server';
import { startPostgres, type PostgresServer } from '../lib/postgres-server';
import { contactTarget } from './contact';
import { summarizeSamples, type Bracketed, type EnginesFigures, type TargetResult } from './figures';
import type { LoadOptions, Target, Watch } from './load';
import { uncachedArticleTarget } from './pages';
import { startSiteServer } from './processes';
import { changeReachTimes, notifyLatencies } from './propagation';
import { measureRedisReads } from './redis';
import { BENCH_DIST_DIR, copyDatabase } from './site';

/*
 * `npm run bench -- --engines 1` (issue 15): after a size's SQLite measurements, the same build on
 * a throwaway PostgreSQL holding a copy of the same database —
 * 1. the uncached article and contact submissions on one PostgreSQL instance, between the same
 *    targets on the SQLite server before and after (both servers up, each idle while the other is
 *    measured);
 * 2. cached pages through the nginx edge with one instance, then three, then one again (peak
 *    memory of each instance);
 * 3. how fast a change reaches another instance through the change log, LISTEN/NOTIFY's delivery
 *    at the database, and a Redis GET against a Map lookup (decision 0018's alternatives).
 * Measured and baseline alternate because the load of a shared machine drifts over minutes.
 */

export interface EnginesContext {
  root: string;
  /** The node executable the site runs on. */
  node: string;
  /** The SQLite server's environment (NEXT_DIST_DIR, SITE_URL, APP_SECRET, DATABASE_PATH…). */
  env: NodeJS.ProcessEnv;
  /** The size's temporary folder (removed by the caller). */
  tempDir: string;
  /** Archive articles the SQLite run has not asked for (the build's cache on disk holds those). */
  uncachedPaths: string[];
  /** The pages measured through the edge. */
  edgeTargets: Target[];
  articleBytes: number;
  load: LoadOptions;
  measure: (baseUrl: string, target: Target, load: LoadOptions, watch: Watch) => Promise<TargetResult>;
  log: (message: string) => void;
}

/** Headline changes timed through the change log, and NOTIFY round trips. */
const CHANGE_SAMPLES = 8;
const NOTIFY_SAMPLES = 200;

/** What is running, so an interrupted benchmark still stops it. */
const running = new Set<{ stop(): Promise<void> }>();

export async function stopEngines(): Promise<void> {
  await Promise.all([...running].map((item) => item.stop()));
  running.clear();
}

async function withCluster<T>(ctx: EnginesContext, databaseUrl: string, instances: number, env: Record<string, string>, work: (cluster: Cluster) => Promise<T>): Promise<T> {
  ctx.log(`  starting ${instances} instance(s) on PostgreSQL behind nginx…`);
  const dir = fs.mkdtempSync(path.join(ctx.tempDir, `cluster-${instances}-`));
  const cluster = await startCluster({ instances, distDir: BENCH_DIST_DIR, databaseUrl, env, dir, node: ctx.node });
  running.add(cluster);
  try {
    return await work(cluster);
  } finally {
    running.delete(cluster);
    await cluster.stop();
  }
}

/**
 * X-Cache-Status of one more request for a page through the edge, sent as the load generator
 * sends them (node:http: no Accept-Encoding, which fetch would add and the cache keeps apart
 * by Vary): HIT when the run was served from the edge's cache.
 */
function cacheStatus(edgeUrl: string, target: Target): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get(`${edgeUrl}${target.path}`, { headers: target.headers }, (response) => {
        response.resume();
        response.on('end', () => resolve(String(response.headers['x-cache-status'] ?? 'none')));
      })
      .on('error', reject);
  });
}

async function edgeRuns(ctx: EnginesContext, cluster: Cluster): Promise<{ result: TargetResult; status: string }[]> {
  const pids = cluster.instances.map((instance) => instance.pid()).filter((pid): pid is number => pid != null);
  const count = cluster.instances.length;
  const runs = [];
  for (const target of ctx.edgeTargets) {
    const result = await ctx.measure(cluster.url, { ...target, name: `edge to ${count} instance${count === 1 ? '' : 's'}: ${target.name}` }, ctx.load, { instances: pids });
    runs.push({ result, status: await cacheStatus(cluster.url, target) });
  }
  return runs;
}

/**
 * The uncached article and contact submissions: SQLite, PostgreSQL, SQLite again. Each target is
 * one object for its three runs, so the uncached one goes on through the archive (never an
 * article a run before asked for) and every submission keeps its own address.
 */
async function engineRuns(ctx: EnginesContext, postgresUrl: string, postgresPid: number | undefined): Promise<Bracketed[]> {
  const uncached = uncachedArticleTarget(ctx.uncachedPaths);
  const targets = [
    { name: 'article (uncached)', target: uncached.target },
    { name: 'contact submission', target: await contactTarget(ctx.env.APP_SECRET!) },
  ];
  // The SQLite server again, as the size's own run had it (without the query log, like the instances).
  const sqlite = await startSiteServer({ port: await freePort(), env: { ...ctx.env, LOG_LEVEL: 'warn' }, node: ctx.node });
  try {
    const onSqlite = (target: Target, when: string) => ctx.measure(sqlite.url, { ...target, name: `${target.name}, SQLite ${when}` }, ctx.load, { pid: sqlite.pid });
    const runs: Bracketed[] = [];
    for (const { name, target } of targets) {
      const named = { ...target, name };
      const before = await onSqlite(named, 'before');
      const measured = await ctx.measure(postgresUrl, { ...named, name: `${name}, PostgreSQL` }, ctx.load, { pid: postgresPid });
      const after = await onSqlite(named, 'after');
      runs.push({ name, before, measured, after });
    }
    if (uncached.issued() > ctx.uncachedPaths.length) ctx.log('  (the uncached runs asked for some archive articles twice: seed more with --articles)');
    return runs;
  } finally {
    await sqlite.stop();
  }
}

export async function benchEngines(ctx: EnginesContext): Promise<EnginesFigures> {
  ctx.log('PostgreSQL against SQLite, 3 instances against 1 (--engines):');
  const postgres: PostgresServer = await startPostgres({ durable: true });
  running.add({ stop: () => postgres.remove() });
  try {
    const databaseUrl = await postgres.createDatabase('portal');
    const copySeconds = copyDatabase(ctx.root, ctx.env, ctx.env.DATABASE_PATH!, databaseUrl, ctx.node);
    ctx.log(`  copied the SQLite database into PostgreSQL in ${copySeconds.toFixed(1)} s`);
    // The SQLite server's address and secret: the build's pages name that address, and the
    // contact target signs its tokens with that secret.
    const ingestToken = crypto.randomBytes(24).toString('hex');
    const env = { SITE_URL: ctx.env.SITE_URL!, APP_SECRET: ctx.env.APP_SECRET!, INGEST_TOKEN: ingestToken, LOG_LEVEL: 'warn' };

    // One instance: the edge first (its memory before any render), then rendering and writing.
    const before = await withCluster(ctx, databaseUrl, 1, env, async (cluster) => {
      const edge = await edgeRuns(ctx, cluster);
      const instance = cluster.instances[0]!;
      return { edge, engines: await engineRuns(ctx, instance.url, instance.pid()) };
    });
    const three = await withCluster(ctx, databaseUrl, 3, env, async (cluster) => {
      const edge = await edgeRuns(ctx, cluster);
      ctx.log(`  timing ${CHANGE_SAMPLES} changes from instance 1 to instances 2 and 3…`);
      const [writer, ...readers] = cluster.instances.map((instance) => instance.url);
      const reach = await changeReachTimes(writer!, readers, ingestToken, CHANGE_SAMPLES);
      return { edge, reach };
    });
    const after = await withCluster(ctx, databaseUrl, 1, env, (cluster) => edgeRuns(ctx, cluster));

    ctx.log(`  timing ${NOTIFY_SAMPLES} LISTEN/NOTIFY deliveries…`);
    const notify = await notifyLatencies(databaseUrl, NOTIFY_SAMPLES);
    ctx.log(`  timing Redis GETs of ${ctx.articleBytes.toLocaleString('en-US')} bytes…`);
    const redis = await measureRedisReads(ctx.articleBytes);
    return {
      postgresVersion: notify.serverVersion,
      copySeconds,
      engines: before.engines,
      instances: ctx.edgeTargets.map((target, i) => {
        const runs = [before.edge[i]!, three.edge[i]!, after[i]!];
        return { name: target.name, before: runs[0]!.result, measured: runs[1]!.result, after: runs[2]!.result, cacheStatus: runs.map((run) => run.status) };
      }),
      changeLog: { toSecond: summarizeSamples(three.reach.toFirst), toLast: summarizeSamples(three.reach.toLast) },
      notify: summarizeSamples(notify.samples),
      redis,
    };
  } finally {
    await stopEngines();
  }
}
