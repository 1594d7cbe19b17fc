import crypto from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { startCluster, type Cluster } from '../lib/cluster';
import { startPostgres, type PostgresServer } from '../lib/postgres-server';
import { contactTarget } from './contact';
import { summarizeSamples, type EnginesFigures, type TargetResult } from './figures';
import type { LoadOptions, Target, Watch } from './load';
import { uncachedArticleTarget } from './pages';
import { changeReachTimes, notifyLatencies } from './propagation';
import { measureRedisReads } from './redis';
import { BENCH_DIST_DIR, copyDatabase } from './site';

/*
 * `npm run bench -- --engines 1` (issue 15): after a size's SQLite measurements, the same build on
 * a throwaway PostgreSQL holding a copy of the same database —
 * 1. the uncached article and contact submissions on one PostgreSQL instance, against the SQLite
 *    figures of the same run;
 * 2. cached pages through the nginx edge with one instance and with three (peak memory of each);
 * 3. how fast a change reaches another instance through the change log, LISTEN/NOTIFY's delivery
 *    at the database, and a Redis GET against a Map lookup (decision 0018's alternatives).
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
  sqlite: { uncached: TargetResult; contact: TargetResult };
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
  const cluster = await startCluster({ instances, distDir: BENCH_DIST_DIR, databaseUrl, env, dir: path.join(ctx.tempDir, `cluster-${instances}`), node: ctx.node });
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

async function edgeRuns(ctx: EnginesContext, cluster: Cluster): Promise<{ name: string; result: TargetResult; status: string }[]> {
  const pids = cluster.instances.map((instance) => instance.pid()).filter((pid): pid is number => pid != null);
  const count = cluster.instances.length;
  const runs = [];
  for (const target of ctx.edgeTargets) {
    const result = await ctx.measure(cluster.url, { ...target, name: `edge to ${count} instance${count === 1 ? '' : 's'}: ${target.name}` }, ctx.load, { instances: pids });
    runs.push({ name: target.name, result, status: await cacheStatus(cluster.url, target) });
  }
  return runs;
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
    const single = await withCluster(ctx, databaseUrl, 1, env, async (cluster) => {
      const edge = await edgeRuns(ctx, cluster);
      const instance = cluster.instances[0]!;
      const watch: Watch = { pid: instance.pid() };
      const uncached = await ctx.measure(instance.url, { ...uncachedArticleTarget(ctx.uncachedPaths).target, name: 'article (uncached), PostgreSQL' }, ctx.load, watch);
      const contact = await ctx.measure(instance.url, { ...(await contactTarget(env.APP_SECRET)), name: 'contact submission, PostgreSQL' }, ctx.load, watch);
      return { edge, uncached, contact };
    });

    const three = await withCluster(ctx, databaseUrl, 3, env, async (cluster) => {
      const edge = await edgeRuns(ctx, cluster);
      ctx.log(`  timing ${CHANGE_SAMPLES} changes from instance 1 to instances 2 and 3…`);
      const [writer, ...readers] = cluster.instances.map((instance) => instance.url);
      const reach = await changeReachTimes(writer!, readers, ingestToken, CHANGE_SAMPLES);
      return { edge, reach };
    });

    ctx.log(`  timing ${NOTIFY_SAMPLES} LISTEN/NOTIFY deliveries…`);
    const notify = await notifyLatencies(databaseUrl, NOTIFY_SAMPLES);
    ctx.log(`  timing Redis GETs of ${ctx.articleBytes.toLocaleString('en-US')} bytes…`);
    const redis = await measureRedisReads(ctx.articleBytes);
    return {
      postgresVersion: notify.serverVersion,
      copySeconds,
      engines: [
        { name: 'article (uncached)', sqlite: ctx.sqlite.uncached, postgres: single.uncached },
        { name: 'contact submission', sqlite: ctx.sqlite.contact, postgres: single.contact },
      ],
      instances: single.edge.map((one, i) => {
        const other = three.edge[i]!;
        return { name: one.name, one: one.result, three: other.result, cacheStatus: { one: one.status, three: other.status } };
      }),
      changeLog: { toSecond: summarizeSamples(three.reach.toFirst), toLast: summarizeSamples(three.reach.toLast) },
      notify: summarizeSamples(notify.samples),
      redis,
    };
  } finally {
    await stopEngines();
  }
}
