/*
 * The benchmark's figures and the arithmetic on them: pure functions, no I/O, so they are
 * unit-tested (tests/unit/bench-figures.test.ts) and shared by the table and the JSON file.
 */

/** What one measured run of one target gave. Latencies in milliseconds. */
export interface LoadFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Connection errors and timeouts. */
  errors: number;
  /** Responses whose status was not 2xx. */
  non2xx: number;
  /** Responses per status code, e.g. { "200": 4100 }. */
  statusCodes: Record<string, number>;
  /** Completed responses in the measured run. */
  requests: number;
  durationSeconds: number;
}

/** One row of the report: a target, its figures and what was seen on the server meanwhile. */
export interface TargetResult {
  /** Short name, e.g. "channel (deep)". */
  name: string;
  /** What was requested (method, path, notes). */
  request: string;
  /** Whether a cached page (no per-request database work expected). */
  cachedPage: boolean;
  figures: LoadFigures;
  /** SQL statements run for requests during the measured run (background work left out); null when not logged. */
  requestQueries: number | null;
  /** Highest resident memory of the server (with its children) during the run, in MB; null when not sampled. */
  maxRssMb: number | null;
  /** The same for each instance behind an edge, when several were watched (null: not sampled). */
  instanceMaxRssMb?: (number | null)[];
}

export interface References {
  /** A minimal node:http server sending the article's bytes from memory: the physical limit. */
  nodeHttp: LoadFigures;
  /** The same bytes as a static file served by the same Next.js server: the framework's floor. */
  nextStatic: LoadFigures;
}

/** a / b, or null when either is missing or b is zero (a latency of "0 ms" has no useful ratio). */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a == null || b == null || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) return null;
  return a / b;
}

/** Ratios of a target's throughput and p99 to both references. */
export interface Ratios {
  rpsToNodeHttp: number | null;
  rpsToNextStatic: number | null;
  p99ToNodeHttp: number | null;
  p99ToNextStatic: number | null;
}

export function ratiosTo(figures: LoadFigures, references: References): Ratios {
  return {
    rpsToNodeHttp: ratio(figures.requestsPerSecond, references.nodeHttp.requestsPerSecond),
    rpsToNextStatic: ratio(figures.requestsPerSecond, references.nextStatic.requestsPerSecond),
    p99ToNodeHttp: ratio(figures.p99Ms, references.nodeHttp.p99Ms),
    p99ToNextStatic: ratio(figures.p99Ms, references.nextStatic.p99Ms),
  };
}

/** SQL statements per request in a measured run, or null when not logged or nothing completed. */
export function queriesPerRequest(result: TargetResult): number | null {
  return result.requestQueries == null ? null : ratio(result.requestQueries, result.figures.requests);
}

/**
 * Below this many statements per request a cached page is doing no per-request database work:
 * what it ran was an incremental regeneration (about a dozen statements, at most once per page
 * per revalidate period, started by a request after the page went stale). Rendering from the
 * database on every request costs at least one statement per request.
 */
export const PER_REQUEST_WORK = 0.5;

/** Cached pages whose measured run shows database work on (nearly) every request. */
export function cachedPagesWithPerRequestQueries(results: TargetResult[]): TargetResult[] {
  return results.filter((r) => r.cachedPage && (queriesPerRequest(r) ?? 0) >= PER_REQUEST_WORK);
}

// ---------------------------------------------------------------------------------------------
// Text formatting

/** 12345.6 → "12,346"; small numbers keep some precision so ratios and latencies stay readable. */
export function formatNumber(value: number | null | undefined, digits?: number): string {
  if (value == null || !Number.isFinite(value)) return '–';
  const places = digits ?? (Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2);
  return value.toLocaleString('en-US', { minimumFractionDigits: places, maximumFractionDigits: places });
}

/** A ratio as "0.037×"; three significant decimals because the interesting ones are small. */
export function formatRatio(value: number | null): string {
  if (value == null) return '–';
  return `${value >= 10 ? value.toFixed(1) : value >= 1 ? value.toFixed(2) : value.toFixed(3)}×`;
}

/** Left-aligned first column, right-aligned numbers, a rule under the header. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export const TABLE_HEADER = [
  'target',
  'req/s',
  'p50 ms',
  'p99 ms',
  'errors',
  'non-2xx',
  'req/s ÷ node:http',
  'req/s ÷ next static',
  'p99 ÷ node:http',
  'p99 ÷ next static',
  'DB queries',
  'max RSS MB',
];

export function tableRow(result: TargetResult, references: References): string[] {
  const { figures } = result;
  const r = ratiosTo(figures, references);
  return [
    result.name,
    formatNumber(figures.requestsPerSecond, 0),
    formatNumber(figures.p50Ms, 0),
    formatNumber(figures.p99Ms, 0),
    String(figures.errors),
    String(figures.non2xx),
    formatRatio(r.rpsToNodeHttp),
    formatRatio(r.rpsToNextStatic),
    formatRatio(r.p99ToNodeHttp),
    formatRatio(r.p99ToNextStatic),
    result.requestQueries == null ? '–' : String(result.requestQueries),
    result.maxRssMb == null ? '–' : formatNumber(result.maxRssMb, 0),
  ];
}

// ---------------------------------------------------------------------------------------------
// Engines and instances (issue 15): PostgreSQL against SQLite, 3 instances against 1, and how a
// change reaches another instance (decision 0018)

/** Count, median, 99th percentile (nearest rank) and maximum of some samples, in their unit. */
export interface SampleSummary {
  count: number;
  median: number | null;
  p99: number | null;
  max: number | null;
}

export function summarizeSamples(samples: number[]): SampleSummary {
  const sorted = samples.filter(Number.isFinite).sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { count: 0, median: null, p99: null, max: null };
  const median = n % 2 === 1 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
  return { count: n, median, p99: sorted[Math.ceil(0.99 * n) - 1]!, max: sorted[n - 1]! };
}

/** A shared Redis cache's read against a local Map lookup, for a value the size of a page. */
export interface RedisFigures {
  /** redis-server's version. */
  version: string;
  valueBytes: number;
  /** GET on one connection, one at a time (what a render waiting for its cache entry sees), µs. */
  getMicros: SampleSummary;
  /** Those sequential GETs per second. */
  getsPerSecond: number;
  /** Map.get of the same value in this process, µs (an average over many lookups). */
  mapGetMicros: number;
}

/**
 * One target on a baseline, measured before and after the setup compared with it, and on that
 * setup between the two: on a shared machine the load drifts over minutes, and the mean of
 * before and after cancels a steady drift.
 */
export interface Bracketed {
  name: string;
  before: TargetResult;
  measured: TargetResult;
  after: TargetResult;
}

/** The measured figure ÷ the mean of the baseline's before and after. */
export function bracketedRatio(b: Bracketed, pick: (figures: LoadFigures) => number): number | null {
  return ratio(pick(b.measured.figures), (pick(b.before.figures) + pick(b.after.figures)) / 2);
}

export interface EnginesFigures {
  /** The throwaway PostgreSQL's server_version. */
  postgresVersion: string;
  /** Seconds `npm run db:copy` took to copy the SQLite database into PostgreSQL. */
  copySeconds: number;
  /** The uncached-article and contact targets: SQLite before and after, PostgreSQL between. */
  engines: Bracketed[];
  /**
   * Cached pages through the edge: one instance before and after, three between, all on the same
   * PostgreSQL; and the X-Cache-Status of a request after each run.
   */
  instances: (Bracketed & { cacheStatus: string[] })[];
  /**
   * The time from an ingest PUT's answer (its write committed) through instance 1 to another
   * instance serving the change (polled every 20 ms), ms: to instance 2, and to the last of 2 and 3.
   */
  changeLog: { toSecond: SampleSummary; toLast: SampleSummary };
  /** PostgreSQL NOTIFY from a committing connection to a listening one, ms (sent before COMMIT). */
  notify: SampleSummary;
  redis: RedisFigures | { skipped: string };
}

/** Highest of the per-instance peaks over several runs, per instance (null where none was sampled). */
export function peakPerInstance(results: TargetResult[]): (number | null)[] {
  const count = Math.max(0, ...results.map((r) => r.instanceMaxRssMb?.length ?? 0));
  return Array.from({ length: count }, (_, i) => {
    const values = results.map((r) => r.instanceMaxRssMb?.[i]).filter((v): v is number => v != null);
    return values.length ? Math.max(...values) : null;
  });
}

const maxOf = (values: (number | null)[]) => {
  const known = values.filter((v): v is number => v != null);
  return known.length ? Math.max(...known) : null;
};

const rps = (f: LoadFigures) => f.requestsPerSecond;
const p99 = (f: LoadFigures) => f.p99Ms;

/** The ratios the issue asks about, for the JSON file and the table. */
export function engineRatios(f: EnginesFigures) {
  const rssOne = peakPerInstance(f.instances.flatMap((i) => [i.before, i.after]));
  const rssThree = peakPerInstance(f.instances.map((i) => i.measured));
  const ratios = (list: Bracketed[]) =>
    list.map((b) => ({
      name: b.name,
      rps: bracketedRatio(b, rps),
      p99: bracketedRatio(b, p99),
      /** The baseline's req/s after ÷ before: how far the machine drifted meanwhile. */
      baselineDrift: ratio(b.after.figures.requestsPerSecond, b.before.figures.requestsPerSecond),
    }));
  return {
    /** req/s and p99 on PostgreSQL ÷ on SQLite (the mean of before and after), per target. */
    postgresToSqlite: ratios(f.engines),
    /** req/s and p99 through the edge with three instances ÷ with one, per page (issue: loss under 10%). */
    threeToOne: ratios(f.instances),
    /** Peak RSS of each instance over the edge runs, MB. */
    instanceRssMb: { one: rssOne, three: rssThree },
    /** The largest instance's peak with three ÷ the one instance's; and all three together ÷ one. */
    rssPerInstanceThreeToOne: ratio(maxOf(rssThree), maxOf(rssOne)),
    rssTotalThreeToOne: ratio(rssThree.reduce<number>((sum, v) => sum + (v ?? 0), 0) || null, maxOf(rssOne)),
    /** The change log's median ÷ NOTIFY's median. */
    changeLogToNotify: ratio(f.changeLog.toSecond.median, f.notify.median),
    /** A Redis GET's median ÷ a Map lookup. */
    redisToMap: 'skipped' in f.redis ? null : ratio(f.redis.getMicros.median, f.redis.mapGetMicros),
  };
}

/** "median 512 ms, max 1,020 ms (8)". */
export function formatSamples(summary: SampleSummary, unit: string, digits?: number): string {
  if (summary.count === 0) return '–';
  return `median ${formatNumber(summary.median, digits)} ${unit}, max ${formatNumber(summary.max, digits)} ${unit} (${summary.count})`;
}

export const ENGINES_HEADER = ['figure', 'baseline (before / after)', 'measured', 'ratio', 'baseline after ÷ before'];

/**
 * Two rows for a bracketed target: req/s and p99, measured ÷ the baseline's mean, and the
 * baseline's own after ÷ before (a ratio nearer 1 than that is within the machine's drift).
 */
function bracketedRows(b: Bracketed, label: string, baseline: string, measured: string): string[][] {
  const both = (pick: (f: LoadFigures) => number) => `${formatNumber(pick(b.before.figures), 0)} / ${formatNumber(pick(b.after.figures), 0)}`;
  return [
    [
      `${label}: req/s, ${measured} ÷ ${baseline}`,
      `${baseline} ${both(rps)}`,
      `${measured} ${formatNumber(b.measured.figures.requestsPerSecond, 0)}`,
      formatRatio(bracketedRatio(b, rps)),
      formatRatio(ratio(b.after.figures.requestsPerSecond, b.before.figures.requestsPerSecond)),
    ],
    [
      `${label}: p99 ms, ${measured} ÷ ${baseline}`,
      `${baseline} ${both(p99)}`,
      `${measured} ${formatNumber(b.measured.figures.p99Ms, 0)}`,
      formatRatio(bracketedRatio(b, p99)),
      formatRatio(ratio(b.after.figures.p99Ms, b.before.figures.p99Ms)),
    ],
  ];
}

/** The rows of the engines-and-instances table: what is compared, the baseline, the measured figure, their ratio. */
export function engineRows(f: EnginesFigures): string[][] {
  const r = engineRatios(f);
  const rows: string[][] = [
    ...f.engines.flatMap((b) => bracketedRows(b, b.name, 'SQLite', 'PostgreSQL')),
    ...f.instances.flatMap((b) => bracketedRows(b, `edge: ${b.name} (${[...new Set(b.cacheStatus)].join('/')})`, '1 instance', '3 instances')),
  ];
  const mb = (values: (number | null)[]) => values.map((v) => formatNumber(v, 0)).join(' + ');
  rows.push(
    ['peak RSS per instance under the edge load, MB', `1 instance ${mb(r.instanceRssMb.one)}`, `3 instances ${mb(r.instanceRssMb.three)}`, formatRatio(r.rssPerInstanceThreeToOne)],
    ['  all instances together, 3 ÷ 1', '', '', formatRatio(r.rssTotalThreeToOne)],
    ['change log: PUT on 1 → served by 2', '', formatSamples(f.changeLog.toSecond, 'ms', 0), ''],
    ['change log: PUT on 1 → served by 2 and 3', '', formatSamples(f.changeLog.toLast, 'ms', 0), ''],
    ['LISTEN/NOTIFY: COMMIT → listener', '', formatSamples(f.notify, 'ms', 2), ''],
    ['  change log ÷ NOTIFY (medians)', '', '', formatRatio(r.changeLogToNotify)],
  );
  if ('skipped' in f.redis) {
    rows.push(['Redis GET vs Map.get', 'skipped', f.redis.skipped, '']);
  } else {
    const { redis } = f;
    rows.push([
      `Redis ${redis.version} GET of ${formatNumber(redis.valueBytes / 1024, 0)} KB vs Map.get, µs`,
      `Map.get ${formatNumber(redis.mapGetMicros, 3)}`,
      `GET median ${formatNumber(redis.getMicros.median, 0)}, p99 ${formatNumber(redis.getMicros.p99, 0)} (${redis.getMicros.count}); ${formatNumber(redis.getsPerSecond, 0)}/s`,
      formatRatio(r.redisToMap),
    ]);
  }
  return rows;
}
