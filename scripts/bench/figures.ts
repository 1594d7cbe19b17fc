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
