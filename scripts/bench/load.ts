import autocannon from 'autocannon';
import type { LoadFigures, TargetResult } from './figures';
import { waitForIdle } from './idle';
import { logPosition, requestQueriesSince } from './query-log';
import { sampleRss } from './rss';

/*
 * Load generation with autocannon on loopback: once the server is idle, a warm-up run (not
 * counted), then the measured run. While it runs, the server's memory is sampled and its query
 * log is watched.
 */

export interface LoadOptions {
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
}

/** One thing to measure: a page (GET) or a generated stream of requests (contact submissions). */
export interface Target {
  name: string;
  /** Human-readable description for the report. */
  request: string;
  path: string;
  headers?: Record<string, string>;
  /** A cached page: expected to run no database statement per request. */
  cachedPage: boolean;
  /** Generates each request (method, body, headers); GET of `path` when absent. */
  setupRequest?: (request: autocannon.Request) => autocannon.Request;
  method?: 'GET' | 'POST';
  /** At most this many connections for this target (the run's --connections otherwise). */
  maxConnections?: number;
}

/** Where the server under test can be watched from outside; all optional (an edge cache has none). */
export interface Watch {
  pid?: number;
  queryLog?: string;
  /** Several instances behind an edge: each is waited for, and its memory sampled on its own. */
  instances?: number[];
}

export function figuresFrom(result: autocannon.Result): LoadFigures {
  const statusCodes: Record<string, number> = {};
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = stats.count ?? 0;
  return {
    requestsPerSecond: result.duration > 0 ? result.requests.total / result.duration : 0,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    statusCodes,
    requests: result.requests.total,
    durationSeconds: result.duration,
  };
}

function run(baseUrl: string, target: Target, connections: number, seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url: `${baseUrl}${target.path}`,
    connections,
    duration: seconds,
    method: target.method ?? 'GET',
    headers: target.headers,
    requests: target.setupRequest ? [{ setupRequest: target.setupRequest }] : undefined,
    // Generous: a slow response should show up in p99, not as an error.
    timeout: 30,
  });
}

export async function measureTarget(baseUrl: string, target: Target, options: LoadOptions, watch: Watch = {}): Promise<TargetResult> {
  const instances = watch.instances ?? [];
  for (const pid of [watch.pid, ...instances]) if (pid) await waitForIdle(pid);
  const connections = Math.min(options.connections, target.maxConnections ?? Infinity);
  if (options.warmupSeconds > 0) await run(baseUrl, target, connections, options.warmupSeconds);
  const logStart = watch.queryLog ? logPosition(watch.queryLog) : 0;
  const rss = watch.pid ? sampleRss(watch.pid) : null;
  const instanceRss = instances.map((pid) => sampleRss(pid));
  const result = await run(baseUrl, target, connections, options.durationSeconds);
  const maxRssMb = rss?.stop() ?? null;
  const instanceMaxRssMb = instanceRss.map((sampler) => sampler.stop());
  return {
    name: target.name,
    request: target.request,
    cachedPage: target.cachedPage,
    figures: figuresFrom(result),
    requestQueries: watch.queryLog ? requestQueriesSince(watch.queryLog, logStart) : null,
    maxRssMb,
    ...(instances.length ? { instanceMaxRssMb } : {}),
  };
}
