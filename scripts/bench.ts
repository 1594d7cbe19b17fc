/**
 * npm run bench -- [--articles 100000] [--small 1000] [--duration 10] [--warmup 3] [--connections 50] [--json FILE]
 *                   [--node 20,22,24] [--edge 0|1] [--engines 0|1]
 *
 * Measures the production server on loopback (issue 8): for a database of `--articles`
 * articles and again for `--small`, a clean build, then req/s, p50, p99, errors and non-2xx
 * of the pages readers and crawlers ask for, and contact submissions; in the same run two
 * references — a bare node:http server sending the article's bytes from memory (the physical
 * limit) and the same bytes as a static file from the same Next.js server (the framework's
 * floor) — so noisy figures on a shared machine are read as ratios. Also the server's peak
 * memory and the SQL statements run for requests (DB_QUERY_LOG). Results go to a JSON file.
 * Search (issue 16): a few English and Chinese queries (scripts/bench/search.ts) against the
 * search page, or the search API when the page is not there, 10 connections, p50 and p99 also
 * as ratios to the cached article's; the summary checks p50 ≤ 50 ms and p99 ≤ 250 ms.
 *
 * `--node 20,22,24` repeats everything with the site (seed, build, server) on each of those
 * Node.js lines in turn (scripts/node-version.ts fetches them from the npm registry), the
 * harness and the node:http reference staying on the benchmark's own Node, and ends with a
 * table comparing them (req/s ÷ the first).
 *
 * `--engines 1` adds, at the large size, the same build on a throwaway PostgreSQL holding a copy
 * of the database: the uncached article and contact submissions ÷ their SQLite figures, cached
 * pages through nginx with three instances ÷ one and each instance's peak memory, and how fast a
 * change reaches another instance (change log; LISTEN/NOTIFY and a Redis GET for comparison).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contactTarget } from './bench/contact';
import { benchEngines, stopEngines } from './bench/engines';
import { startEdge } from './lib/edge';
import { currentNode, ensureNode, envFor, type NodeRuntime } from './node-version';
import { freePort, productionEnv } from './lib/local-server';
import {
  cachedPagesWithPerRequestQueries,
  engineRatios,
  engineRows,
  ENGINES_HEADER,
  type EnginesFigures,
  formatNumber,
  formatRatio,
  formatTable,
  PER_REQUEST_WORK,
  queriesPerRequest,
  ratio,
  ratiosTo,
  TABLE_HEADER,
  tableRow,
  type References,
  type TargetResult,
} from './bench/figures';
import { measureTarget, type LoadOptions, type Target, type Watch } from './bench/load';
import { parseOptions, type BenchOptions } from './bench/options';
import { discoverPages, pageTargets, sitemapArticles, uncachedArticleTarget, type PagePaths } from './bench/pages';
import { searchTargets } from './bench/search';
import { startReferenceServer, startSiteServer, stopAllStarted, type RunningServer } from './bench/processes';
import {
  BENCH_DIST_DIR,
  buildSite,
  type BuildTime,
  capturePage,
  seedDatabase,
  STATIC_REFERENCE_PATH,
  staticReferenceFile,
} from './bench/site';

const root = process.cwd();
/**
 * The servers' APP_SECRET: one per benchmark process, because the contact target signs tokens
 * with lib/contact/token.ts, which reads the secret once (with `--node`, a secret per server
 * made every token after the first server's invalid: 400 invalid_token).
 */
const APP_SECRET = crypto.randomBytes(24).toString('hex');
/** Temporary folders (databases, logs) still to remove, also when the run is interrupted. */
const tempDirs = new Set<string>();

function removeLeftovers(): void {
  fs.rmSync(staticReferenceFile(root), { force: true });
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

interface SizeRun {
  /** The Node.js version the site ran on (seed, build, server), e.g. v22.23.3. */
  node: string;
  /** Synthetic articles seeded (the demo content comes on top). */
  articles: number;
  seedSeconds: number;
  build: BuildTime;
  paths: PagePaths;
  articleBytes: number;
  references: References;
  pages: TargetResult[];
  /** A different archive article on each request: rendering, not the cache. */
  uncached: TargetResult;
  contact: TargetResult | null;
  /** Searches in both languages (scripts/bench/search.ts), each a query run per request. */
  search: TargetResult[];
  /** Where search was measured, or why it was not. */
  searchNote: string;
  /** The same pages through the edge cache (nginx, ops/nginx/edge.conf). */
  edge: TargetResult[];
  /**
   * node:http sending each edge-target page's own bytes (the home page is three times an
   * article's size, so the article's limit understates what is physically possible for it).
   */
  pageLimits: { name: string; bytes: number; figures: TargetResult['figures'] }[];
  maxRssMb: number | null;
  /** PostgreSQL against SQLite, 3 instances against 1, changes between instances (`--engines 1`, large size). */
  engines: EnginesFigures | null;
}

function log(message: string): void {
  console.log(`[bench] ${message}`);
}

/** One measured target, logged as it finishes (a full run takes minutes). */
async function measure(baseUrl: string, target: Target, load: LoadOptions, watch: Watch): Promise<TargetResult> {
  const result = await measureTarget(baseUrl, target, load, watch);
  const f = result.figures;
  log(`  ${target.name}: ${formatNumber(f.requestsPerSecond, 0)} req/s, p50 ${f.p50Ms} ms, p99 ${f.p99Ms} ms, errors ${f.errors}, non-2xx ${f.non2xx}`);
  return result;
}

async function measureReferences(server: RunningServer, pageUrl: string, tempDir: string, load: LoadOptions, watch: Watch): Promise<{ references: References; bytes: number }> {
  const page = await capturePage(pageUrl);
  const bodyFile = path.join(tempDir, 'article.html');
  fs.writeFileSync(bodyFile, page.body);
  fs.writeFileSync(staticReferenceFile(root), page.body);
  const served = Buffer.from(await (await fetch(`${server.url}${STATIC_REFERENCE_PATH}`, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer());
  if (!served.equals(page.body)) throw new Error(`${STATIC_REFERENCE_PATH} does not serve the article's bytes`);

  const reference = await startReferenceServer({ root, port: await freePort(), bodyFile, headers: page.headers });
  try {
    const nodeHttp = await measure(reference.url, { name: 'node:http (limit)', request: 'GET / from memory', path: '/', cachedPage: false }, load, {});
    const nextStatic = await measure(
      server.url,
      { name: 'next static file', request: `GET ${STATIC_REFERENCE_PATH}`, path: STATIC_REFERENCE_PATH, cachedPage: false },
      load,
      watch,
    );
    return { references: { nodeHttp: nodeHttp.figures, nextStatic: nextStatic.figures }, bytes: page.body.length };
  } finally {
    await reference.stop();
  }
}

/** node:http sending a page's own bytes from memory: that page's physical limit here. */
async function measurePageLimits(server: RunningServer, targets: Target[], tempDir: string, load: LoadOptions): Promise<SizeRun['pageLimits']> {
  const limits: SizeRun['pageLimits'] = [];
  for (const target of targets.filter((t) => EDGE_TARGETS.includes(t.name))) {
    const page = await capturePage(`${server.url}${target.path}`);
    const bodyFile = path.join(tempDir, 'page-limit.html');
    fs.writeFileSync(bodyFile, page.body);
    const reference = await startReferenceServer({ root, port: await freePort(), bodyFile, headers: page.headers });
    try {
      const name = `node:http, ${target.name} bytes`;
      const result = await measure(reference.url, { name, request: 'GET / from memory', path: '/', cachedPage: false }, load, {});
      limits.push({ name: target.name, bytes: page.body.length, figures: result.figures });
    } finally {
      await reference.stop();
    }
  }
  return limits;
}

async function measureEdge(server: RunningServer, tempDir: string, targets: Target[], load: LoadOptions, watch: Watch): Promise<TargetResult[]> {
  const edge = await startEdge({ port: await freePort(), upstreamPort: server.port, cacheDir: path.join(tempDir, 'edge-cache') });
  try {
    const results: TargetResult[] = [];
    for (const target of targets) results.push(await measure(edge.url, { ...target, name: `edge: ${target.name}` }, load, watch));
    return results;
  } finally {
    await edge.stop();
  }
}

/** `large`: the size where contact submissions (and, with --engines, the engine comparison) are measured. */
async function benchSize(articles: number, options: BenchOptions, large: boolean, node: NodeRuntime): Promise<SizeRun> {
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-bench-'));
  tempDirs.add(tempDir);
  const port = await freePort();
  // `node` first on PATH too, for anything the seed or the build starts as `node`.
  // One address sends every search here: the per-client search limit (lib/search/rate-limit.ts) is off.
  const env = envFor(node, { ...productionEnv({ port, distDir: BENCH_DIST_DIR, databasePath: path.join(tempDir, 'bench.db'), appSecret: APP_SECRET }), SEARCH_RATE_LIMIT: '0' });
  const queryLog = path.join(tempDir, 'queries.log');
  const load: LoadOptions = { connections: options.connections, warmupSeconds: options.warmup, durationSeconds: options.duration };
  try {
    log(`Node ${node.version}, ${articles.toLocaleString('en-US')} articles: seeding ${env.DATABASE_PATH}…`);
    const seedSeconds = seedDatabase(root, env, articles, node.execPath);
    log(`  seeded in ${seedSeconds.toFixed(1)} s; building into ${BENCH_DIST_DIR}…`);
    const build = buildSite(root, env, node.execPath);
    log(`  built in ${build.seconds.toFixed(1)} s; starting the server on port ${port}…`);
    // Listed by Next.js when it starts; the article's bytes are written into it below.
    fs.writeFileSync(staticReferenceFile(root), 'placeholder');
    const server = await startSiteServer({ port, env: { ...env, DB_QUERY_LOG: queryLog }, node: node.execPath });
    const watch: Watch = { pid: server.pid, queryLog };
    let run: SizeRun;
    let uncachedLeft: string[];
    try {
      // Which executable the server process really is (Linux), not only what was asked for.
      const exe = fs.existsSync(`/proc/${server.pid}/exe`) ? fs.readlinkSync(`/proc/${server.pid}/exe`) : '(unknown)';
      log(`  the server (pid ${server.pid}) runs ${exe}`);
      if (exe !== '(unknown)' && exe !== fs.realpathSync(node.execPath)) throw new Error(`the server runs ${exe}, not ${node.execPath}`);
      const paths = await discoverPages(server.url, options.locale, options.channel);
      log(`  article ${paths.article}, deep page ${paths.deepPage}, ${paths.sitemapChunk}`);
      const { references, bytes } = await measureReferences(server, `${server.url}${paths.article}`, tempDir, load, watch);
      const targets = pageTargets(paths);
      const pages: TargetResult[] = [];
      for (const target of targets) pages.push(await measure(server.url, target, load, watch));
      const archive = await sitemapArticles(server.url, paths.article);
      const uncachedTarget = uncachedArticleTarget(archive);
      const uncached = await measure(server.url, uncachedTarget.target, load, watch);
      if (uncachedTarget.issued() > archive.length) {
        log(`  (${uncachedTarget.issued()} requests for ${archive.length} archive articles: some were cached; seed more with --articles)`);
      }
      uncachedLeft = archive.slice(uncachedTarget.issued());
      const searchSet = await searchTargets(server.url);
      log(`  ${searchSet.note}`);
      const search: TargetResult[] = [];
      for (const target of searchSet.targets) search.push(await measure(server.url, target, load, watch));
      const contact = large ? await measure(server.url, await contactTarget(APP_SECRET), load, watch) : null;
      const edge = options.edge ? await measureEdge(server, tempDir, targets, load, watch) : [];
      const pageLimits = options.edge ? await measurePageLimits(server, targets, tempDir, load) : [];
      const all = [...pages, uncached, ...search, ...(contact ? [contact] : []), ...edge];
      const rss = all.map((r) => r.maxRssMb).filter((v): v is number => v != null);
      run = {
        node: node.version,
        articles,
        seedSeconds,
        build,
        paths,
        articleBytes: bytes,
        references,
        pages,
        uncached,
        contact,
        search,
        searchNote: searchSet.note,
        edge,
        pageLimits,
        maxRssMb: rss.length ? Math.max(...rss) : null,
        engines: null,
      };
    } finally {
      await server.stop();
    }
    if (large && options.engines) {
      if (uncachedLeft.length === 0) throw new Error('--engines: every archive article was asked for on SQLite already; seed more with --articles');
      run.engines = await benchEngines({
        root,
        node: node.execPath,
        env,
        tempDir,
        uncachedPaths: uncachedLeft,
        edgeTargets: pageTargets(run.paths).filter((t) => EDGE_TARGETS.includes(t.name)),
        articleBytes: run.articleBytes,
        load,
        measure,
        log,
      });
    }
    return run;
  } finally {
    removeLeftovers();
  }
}

// ---------------------------------------------------------------------------------------------
// Report

function referenceRows(run: SizeRun): TargetResult[] {
  const row = (name: string, request: string, figures: TargetResult['figures']): TargetResult => ({
    name,
    request,
    cachedPage: false,
    figures,
    requestQueries: null,
    maxRssMb: null,
  });
  return [
    row('node:http (limit)', 'GET / from memory', run.references.nodeHttp),
    row('next static file', `GET ${STATIC_REFERENCE_PATH}`, run.references.nextStatic),
  ];
}

const buildRest = (build: BuildTime) => (build.compileSeconds == null ? null : build.seconds - build.compileSeconds);

function buildText(build: BuildTime): string {
  const compile = build.compileSeconds;
  return compile == null ? `${build.seconds.toFixed(1)} s` : `${build.seconds.toFixed(1)} s (compile ${compile.toFixed(1)} s, rest ${(build.seconds - compile).toFixed(1)} s)`;
}

function sizeTable(run: SizeRun): string {
  const rows = [...referenceRows(run), ...run.pages, run.uncached, ...run.search, ...(run.contact ? [run.contact] : []), ...run.edge];
  const title =
    `Node ${run.node}, ${run.articles.toLocaleString('en-US')} synthetic articles (+ demo content): seed ${run.seedSeconds.toFixed(1)} s, ` +
    `clean build ${buildText(run.build)}, article ${run.articleBytes.toLocaleString('en-US')} bytes, ` +
    `server max RSS ${formatNumber(run.maxRssMb, 0)} MB`;
  return `${title}\n${formatTable(TABLE_HEADER, rows.map((r) => tableRow(r, run.references)))}${run.engines ? `\n\n${enginesText(run.engines)}` : ''}`;
}

function enginesText(engines: EnginesFigures): string {
  return [
    `PostgreSQL ${engines.postgresVersion} against SQLite, 3 instances against 1 (same build; PostgreSQL a copy of the SQLite database, made in ${engines.copySeconds.toFixed(1)} s):`,
    formatTable(ENGINES_HEADER, engineRows(engines)),
    'Ratios: measured ÷ the mean of the baseline measured before and after it (req/s: 1 = as fast; p99 and memory: higher is more); a ratio whose distance from 1 is smaller than the baseline\'s own after ÷ before is within the machine\'s drift. Edge pages: the X-Cache-Status of a request after each run in parentheses; the issue asks 3 instances to lose under 10% (≥ 0.9×).',
    'Change log: from the ingest PUT\'s answer on instance 1 to instances 2 and 3 serving the new headline on the cached story page (polled every 20 ms; writes spread over the one-second tick). NOTIFY: from sending COMMIT to the listening connection, database only. Redis: one connection, one GET at a time.',
  ].join('\n');
}

interface Summary {
  channelP99LargeToSmall: number | null;
  deepChannelP99LargeToSmall: number | null;
  buildSecondsLargeToSmall: number | null;
  /** The same for the part of the build after compiling (where the database is read). */
  buildRestLargeToSmall: number | null;
  maxRssMb: number | null;
  errors: number;
  non2xx: number;
  /** Cached pages that ran SQL for requests during their measured run: "name at size: N statements / M requests". */
  cachedPagesWithQueries: string[];
  /** The names of those doing database work on (nearly) every request; should be empty. */
  cachedPagesWithPerRequestQueries: string[];
  /** The slowest search's p50 and p99 at the large size (ms), and ÷ the cached article's; null when not measured. */
  search: { p50Ms: number; p99Ms: number; p50ToArticle: number | null; p99ToArticle: number | null } | null;
}

/** Issue 16: at the large size (100,000 articles), every search's p50 and p99 within these. */
const SEARCH_P50_MS = 50;
const SEARCH_P99_MS = 250;

function searchSummary(run: SizeRun): Summary['search'] {
  if (run.search.length === 0) return null;
  const article = byName(run, 'article (archive)')?.figures;
  const p50Ms = Math.max(...run.search.map((r) => r.figures.p50Ms));
  const p99Ms = Math.max(...run.search.map((r) => r.figures.p99Ms));
  return { p50Ms, p99Ms, p50ToArticle: ratio(p50Ms, article?.p50Ms), p99ToArticle: ratio(p99Ms, article?.p99Ms) };
}

/** The pages the edge cache must serve near the physical limit (issue 8). */
const EDGE_TARGETS = ['home', 'channel', 'article (archive)'];

const byName = (run: SizeRun | undefined, name: string) => run?.pages.find((p) => p.name === name);
const channelDeep = (run: SizeRun | undefined) => run?.pages.find((p) => p.name.startsWith('channel page '));

function summarize(large: SizeRun, small: SizeRun | undefined): Summary {
  const runs = [large, ...(small ? [small] : [])];
  const results = runs.flatMap((r) => [...r.pages, r.uncached, ...r.search, ...(r.contact ? [r.contact] : []), ...r.edge]);
  const rss = runs.map((r) => r.maxRssMb).filter((v): v is number => v != null);
  return {
    channelP99LargeToSmall: ratio(byName(large, 'channel')?.figures.p99Ms, byName(small, 'channel')?.figures.p99Ms),
    deepChannelP99LargeToSmall: ratio(channelDeep(large)?.figures.p99Ms, channelDeep(small)?.figures.p99Ms),
    buildSecondsLargeToSmall: small ? ratio(large.build.seconds, small.build.seconds) : null,
    buildRestLargeToSmall: small ? ratio(buildRest(large.build), buildRest(small.build)) : null,
    maxRssMb: rss.length ? Math.max(...rss) : null,
    errors: results.reduce((n, r) => n + r.figures.errors, 0),
    non2xx: results.reduce((n, r) => n + r.figures.non2xx, 0),
    cachedPagesWithQueries: runs.flatMap((run) =>
      run.pages
        .filter((p) => p.cachedPage && p.requestQueries)
        .map((p) => `${p.name} at ${run.articles}: ${p.requestQueries} statements / ${p.figures.requests} requests (${formatNumber(queriesPerRequest(p), 4)} per request)`),
    ),
    cachedPagesWithPerRequestQueries: runs.flatMap((run) => cachedPagesWithPerRequestQueries(run.pages).map((p) => `${p.name} at ${run.articles}`)),
    search: searchSummary(large),
  };
}

function summaryText(summary: Summary, large: SizeRun, small: SizeRun | undefined): string {
  const lines = [
    small
      ? `channel p99 at ${large.articles} ÷ at ${small.articles}: ${formatRatio(summary.channelP99LargeToSmall)} (target ≤ 1.2×); ` +
        `deep channel page: ${formatRatio(summary.deepChannelP99LargeToSmall)}`
      : 'no small size measured (--small 0)',
    small
      ? `clean build: ${buildText(large.build)} at ${large.articles}, ${buildText(small.build)} at ${small.articles} (total ${formatRatio(summary.buildSecondsLargeToSmall)}, after compiling ${formatRatio(summary.buildRestLargeToSmall)})`
      : `clean build: ${buildText(large.build)}`,
    `server max RSS under load: ${formatNumber(summary.maxRssMb, 0)} MB (target < 400)`,
    summary.search
      ? `search at ${large.articles} (slowest query, 10 connections): p50 ${summary.search.p50Ms} ms (target ≤ ${SEARCH_P50_MS}), ` +
        `p99 ${summary.search.p99Ms} ms (target ≤ ${SEARCH_P99_MS}); ÷ the cached article: p50 ${formatRatio(summary.search.p50ToArticle)}, p99 ${formatRatio(summary.search.p99ToArticle)}`
      : `search at ${large.articles}: ${large.searchNote}`,
    `errors ${summary.errors}, non-2xx ${summary.non2xx} (target 0 and 0)`,
    summary.cachedPagesWithPerRequestQueries.length === 0
      ? `no cached page did database work per request (< ${PER_REQUEST_WORK} statements per request)`
      : `cached pages doing DATABASE WORK PER REQUEST: ${summary.cachedPagesWithPerRequestQueries.join(', ')}`,
    ...summary.cachedPagesWithQueries.map((line) => `  SQL on a cached page (a regeneration?): ${line}`),
    ...[large, ...(small ? [small] : [])].filter((run) => run.edge.length > 0).map(
      (run) =>
        `through the edge cache at ${run.articles} (target ≥ 0.8× node:http): ` +
        EDGE_TARGETS.map((name) => {
          const rate = run.edge.find((r) => r.name === `edge: ${name}`)?.figures.requestsPerSecond;
          const own = run.pageLimits.find((l) => l.name === name);
          const toOwn = own ? ` (${formatRatio(ratio(rate, own.figures.requestsPerSecond))} of its own ${formatNumber(own.bytes / 1024, 0)} KB)` : '';
          return `${name} ${formatRatio(ratio(rate, run.references.nodeHttp.requestsPerSecond))}${toOwn}`;
        }).join(', '),
    ),
    'Ratios: req/s ÷ a reference (1 = as fast; node:http is the ceiling), p99 ÷ a reference (1 = as quick; higher is slower).',
    'Requests without Accept-Encoding (uncompressed, the same bytes as the references); pages without a cookie (banner variant) unless noted.',
    'Contact submissions: each with a fresh token signed by the server code and its own X-Forwarded-For address, so the per-address rate limit (5 per 10 min) does not apply; they measure validation and storage.',
  ];
  return lines.join('\n');
}

function resultsFile(option: string | null): string {
  if (option) return path.resolve(option);
  const stamp = new Date().toISOString().slice(0, 19).replace(/:/g, '-');
  return path.join(root, 'bench-results', `bench-${stamp}.json`);
}

function withRatios(run: SizeRun) {
  const rated = (r: TargetResult) => ({ ...r, ratios: ratiosTo(r.figures, run.references) });
  return {
    ...run,
    pages: run.pages.map(rated),
    uncached: rated(run.uncached),
    search: run.search.map(rated),
    contact: run.contact ? rated(run.contact) : null,
    edge: run.edge.map(rated),
    engines: run.engines ? { ...run.engines, ratios: engineRatios(run.engines) } : null,
  };
}

/**
 * The targets compared across Node versions, by name. The node:http reference runs on the
 * harness's Node in every run: it measures how busy the machine was during each Node's run, so
 * each target is also given ÷ its run's node:http, and those are compared between the Nodes.
 */
const VERSION_TARGETS = ['node:http (limit)', 'next static file', 'home', 'article (archive)', 'article (uncached)', 'contact submission'];

/** One table for runs of the same size on different Nodes: req/s, ÷ that run's node:http, and that ÷ the first Node's. */
function versionsTable(runs: SizeRun[]): string {
  const first = runs[0]!;
  const figuresOf = (run: SizeRun, name: string) =>
    [...referenceRows(run), ...run.pages, run.uncached, ...(run.contact ? [run.contact] : [])].find((r) => r.name === name)?.figures;
  const relative = (run: SizeRun, name: string) => ratio(figuresOf(run, name)?.requestsPerSecond, run.references.nodeHttp.requestsPerSecond);
  const header = [
    'target',
    ...runs.map((r) => `${r.node} req/s`),
    ...runs.map((r) => `${r.node} ÷ node:http`),
    ...runs.slice(1).map((r) => `${r.node} vs ${first.node}`),
  ];
  const rows = VERSION_TARGETS.filter((name) => figuresOf(first, name)).map((name) => [
    name === 'node:http (limit)' ? `${name}, on ${process.version}` : name,
    ...runs.map((r) => formatNumber(figuresOf(r, name)?.requestsPerSecond, 0)),
    ...runs.map((r) => formatRatio(relative(r, name))),
    ...runs.slice(1).map((r) => formatRatio(ratio(relative(r, name), relative(first, name)))),
  ]);
  return (
    `${first.articles.toLocaleString('en-US')} synthetic articles, the site on each Node in turn ` +
    `("vs": req/s ÷ node:http on that Node ÷ the same on ${first.node}; the machine's load changes between runs, so read that column):\n` +
    formatTable(header, rows)
  );
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const startedAt = new Date();
  // Every Node installed and its addon built before anything is measured.
  const nodes = options.nodes.length > 0 ? options.nodes.map((line) => ensureNode(line)) : [currentNode()];
  const runs: { large: SizeRun; small: SizeRun | undefined; summary: Summary }[] = [];
  for (const node of nodes) {
    const large = await benchSize(options.articles, options, true, node);
    const small = options.small > 0 ? await benchSize(options.small, options, false, node) : undefined;
    runs.push({ large, small, summary: summarize(large, small) });
  }

  const report = [
    ...runs.flatMap(({ large, small, summary }) => [sizeTable(large), ...(small ? [sizeTable(small)] : []), summaryText(summary, large, small)]),
    ...(runs.length > 1 ? [versionsTable(runs.map((r) => r.large)), ...(runs[0]!.small ? [versionsTable(runs.map((r) => r.small!))] : [])] : []),
  ].join('\n\n');
  console.log(`\n${report}\n`);

  const file = resultsFile(options.json);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const cpus = os.cpus();
  const json = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: { cpus: cpus.length, cpuModel: cpus[0]?.model ?? null, node: process.version, platform: `${os.platform()} ${os.release()}` },
    options,
    nodes: runs.map(({ large, small, summary }) => ({
      node: large.node,
      sizes: [large, ...(small ? [small] : [])].map(withRatios),
      summary,
    })),
  };
  fs.writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`[bench] results: ${file.startsWith(root + path.sep) ? path.relative(root, file) : file}`);
}

let interrupted = false;
process.on('SIGINT', () => {
  if (interrupted) process.exit(130);
  interrupted = true;
  console.error('[bench] interrupted: stopping the servers…');
  void Promise.all([stopAllStarted(), stopEngines()]).finally(() => {
    removeLeftovers();
    process.exit(130);
  });
});

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  await Promise.all([stopAllStarted(), stopEngines()]);
  removeLeftovers();
  process.exit(1);
});
