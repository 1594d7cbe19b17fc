import { nthAddress } from '../../scripts/bench/contact';
import {
  cachedPagesWithPerRequestQueries,
  engineRatios,
  engineRows,
  formatRatio,
  formatSamples,
  formatTable,
  peakPerInstance,
  ratio,
  ratiosTo,
  summarizeSamples,
  type EnginesFigures,
  type LoadFigures,
  type References,
  type TargetResult,
} from '../../scripts/bench/figures';
import { DEFAULT_OPTIONS, parseOptions } from '../../scripts/bench/options';
import { isRequestQuery } from '../../scripts/bench/query-log';
import { parseReply, respCommand } from '../../scripts/bench/redis';
import { compileSecondsIn } from '../../scripts/bench/site';

const figures = (requestsPerSecond: number, p99Ms: number): LoadFigures => ({
  requestsPerSecond,
  p50Ms: p99Ms / 2,
  p99Ms,
  errors: 0,
  non2xx: 0,
  statusCodes: { '200': requestsPerSecond * 10 },
  requests: requestsPerSecond * 10,
  durationSeconds: 10,
});

const references: References = { nodeHttp: figures(10_000, 8), nextStatic: figures(4_000, 50) };

describe('benchmark figures', () => {
  it('expresses throughput and p99 as ratios to both references', () => {
    expect(ratiosTo(figures(400, 100), references)).toEqual({
      rpsToNodeHttp: 0.04,
      rpsToNextStatic: 0.1,
      p99ToNodeHttp: 12.5,
      p99ToNextStatic: 2,
    });
  });

  it('gives no ratio against a zero or missing figure instead of Infinity', () => {
    expect(ratio(5, 0)).toBeNull();
    expect(ratio(undefined, 3)).toBeNull();
    expect(ratio(3, null)).toBeNull();
    expect(formatRatio(null)).toBe('–');
  });

  it('prints small ratios with three decimals and large ones with fewer', () => {
    expect(formatRatio(0.0372)).toBe('0.037×');
    expect(formatRatio(1.2345)).toBe('1.23×');
    expect(formatRatio(195)).toBe('195.0×');
  });

  it('lays out a table with the names left-aligned and the numbers right-aligned', () => {
    const table = formatTable(['target', 'req/s'], [['home', '392'], ['node:http', '10,991']]).split('\n');
    expect(table).toEqual(['target      req/s', '---------  ------', 'home          392', 'node:http  10,991']);
  });

  it('tells a cached page rendered from the database on every request from one regenerated once', () => {
    // figures(100, …): 1,000 requests in the measured run.
    const result = (name: string, cachedPage: boolean, requestQueries: number | null): TargetResult => ({
      name,
      request: `GET /${name}`,
      cachedPage,
      figures: figures(100, 10),
      requestQueries,
      maxRssMb: 200,
    });
    const regenerated = result('home', true, 12);
    const everyRequest = result('article', true, 13_000);
    const streamed = result('sitemap', false, 90_000);
    expect(cachedPagesWithPerRequestQueries([result('channel', true, 0), regenerated, streamed, everyRequest])).toEqual([everyRequest]);
    expect(cachedPagesWithPerRequestQueries([result('feed', true, null)])).toEqual([]);
  });
});

describe('benchmark plumbing', () => {
  it('counts statements run for requests, not the background probes', () => {
    expect(isRequestQuery('SELECT id FROM articles WHERE slug = ?')).toBe(true);
    expect(isRequestQuery('PRAGMA data_version')).toBe(false);
    expect(isRequestQuery('/* background */ SELECT a.locale FROM articles a')).toBe(false);
    expect(isRequestQuery('')).toBe(false);
  });

  it("finds the compiler's share in next build's output", () => {
    expect(compileSecondsIn('  Creating an optimized production build ...\n✓ Compiled successfully in 11.0s\n  Running TypeScript ...')).toBe(11);
    expect(compileSecondsIn('✓ Compiled successfully in 950ms')).toBe(0.95);
    expect(compileSecondsIn('Build failed')).toBeNull();
  });

  it('gives each contact submission its own address', () => {
    const addresses = new Set(Array.from({ length: 70_000 }, (_, i) => nthAddress(i + 1)));
    expect(addresses.size).toBe(70_000);
    expect(nthAddress(1)).toBe('10.0.0.1');
    expect(nthAddress(256)).toBe('10.0.1.0');
  });

  it('reads its flags, and refuses unknown or malformed ones', () => {
    expect(parseOptions([])).toEqual(DEFAULT_OPTIONS);
    expect(parseOptions(['--articles', '5000', '--small', '0', '--duration', '20', '--json', 'out.json'])).toMatchObject({
      articles: 5000,
      small: 0,
      duration: 20,
      json: 'out.json',
    });
    expect(() => parseOptions(['--duration', '0'])).toThrow('--duration needs a whole number ≥ 1');
    expect(() => parseOptions(['--connections', 'many'])).toThrow('--connections');
    expect(() => parseOptions(['--fast'])).toThrow('Unknown argument: --fast');
    expect(parseOptions(['--node', '20,22,24', '--edge', '0'])).toMatchObject({ nodes: ['20', '22', '24'], edge: false });
    expect(parseOptions(['--node', '24.9.0']).nodes).toEqual(['24.9.0']);
    expect(() => parseOptions(['--node', 'lts'])).toThrow('--node needs Node lines');
    expect(() => parseOptions(['--edge', 'yes'])).toThrow('--edge is 0 or 1');
    expect(DEFAULT_OPTIONS.engines).toBe(false);
    expect(parseOptions(['--engines', '1']).engines).toBe(true);
    expect(() => parseOptions(['--engines', 'on'])).toThrow('--engines is 0 or 1');
  });
});

describe('engines and instances', () => {
  const result = (requestsPerSecond: number, p99Ms: number, instanceMaxRssMb?: (number | null)[]): TargetResult => ({
    name: 'target',
    request: 'GET /',
    cachedPage: true,
    figures: figures(requestsPerSecond, p99Ms),
    requestQueries: null,
    maxRssMb: null,
    ...(instanceMaxRssMb ? { instanceMaxRssMb } : {}),
  });
  const samples = (median: number, max: number) => ({ count: 8, median, p99: max, max });
  const engines: EnginesFigures = {
    postgresVersion: '15.18',
    copySeconds: 3.2,
    // Before and after differ: the ratio is taken against their mean.
    engines: [
      { name: 'article (uncached)', before: result(30, 200), measured: result(30, 450), after: result(50, 400) },
      { name: 'contact submission', before: result(800, 90), measured: result(400, 90), after: result(800, 90) },
    ],
    instances: [
      { name: 'home', before: result(5000, 20, [200]), measured: result(4600, 24, [190, 195, 205]), after: result(5000, 20, [190]), cacheStatus: ['HIT', 'HIT', 'HIT'] },
      { name: 'channel', before: result(4000, 20, [210]), measured: result(5000, 20, [180, null, 200]), after: result(6000, 20, [null]), cacheStatus: ['HIT', 'STALE', 'HIT'] },
    ],
    changeLog: { toSecond: samples(560, 1040), toLast: samples(600, 1100) },
    notify: { count: 200, median: 0.2, p99: 0.7, max: 2.4 },
    redis: { version: '7.0.15', valueBytes: 51_200, getMicros: { count: 5000, median: 150, p99: 2000, max: 19000 }, getsPerSecond: 4300, mapGetMicros: 0.03 },
  };

  it('summarizes samples by median (the mean of the middle two when even), nearest-rank p99 and maximum', () => {
    expect(summarizeSamples([5, 1, 3])).toEqual({ count: 3, median: 3, p99: 5, max: 5 });
    expect(summarizeSamples([4, 1, 3, 2])).toMatchObject({ median: 2.5, max: 4 });
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(summarizeSamples(hundred).p99).toBe(99);
    expect(summarizeSamples([])).toEqual({ count: 0, median: null, p99: null, max: null });
    expect(formatSamples(samples(560, 1040), 'ms', 0)).toBe('median 560 ms, max 1,040 ms (8)');
    expect(formatSamples(summarizeSamples([]), 'ms')).toBe('–');
  });

  it('takes each instance\'s highest memory over several runs', () => {
    expect(peakPerInstance([result(1, 1, [100, 120, null]), result(1, 1, [110, 90, null])])).toEqual([110, 120, null]);
    expect(peakPerInstance([result(1, 1)])).toEqual([]);
  });

  it('gives PostgreSQL ÷ SQLite per target and 3 instances ÷ 1 per page, each against the mean of its baseline before and after, memory included', () => {
    const r = engineRatios(engines);
    expect(r.postgresToSqlite).toEqual([
      { name: 'article (uncached)', rps: 0.75, p99: 1.5, baselineDrift: 50 / 30 },
      { name: 'contact submission', rps: 0.5, p99: 1, baselineDrift: 1 },
    ]);
    expect(r.threeToOne).toEqual([
      { name: 'home', rps: 0.92, p99: 1.2, baselineDrift: 1 },
      { name: 'channel', rps: 1, p99: 1, baselineDrift: 1.5 },
    ]);
    // One instance: the highest of its before and after runs over every page.
    expect(r.instanceRssMb).toEqual({ one: [210], three: [190, 195, 205] });
    expect(r.rssPerInstanceThreeToOne).toBeCloseTo(205 / 210);
    expect(r.rssTotalThreeToOne).toBeCloseTo(590 / 210);
    expect(r.changeLogToNotify).toBe(2800);
    expect(r.redisToMap).toBe(5000);
  });

  it('prints one row per comparison, and says why Redis was skipped', () => {
    const rows = engineRows(engines);
    expect(rows[0]).toEqual(['article (uncached): req/s, PostgreSQL ÷ SQLite', 'SQLite 30 / 50', 'PostgreSQL 30', '0.750×', '1.67×']);
    expect(rows[1]).toEqual(['article (uncached): p99 ms, PostgreSQL ÷ SQLite', 'SQLite 200 / 400', 'PostgreSQL 450', '1.50×', '2.00×']);
    expect(rows.find((row) => row[0]!.startsWith('edge: channel (HIT/STALE): req/s'))).toEqual([
      'edge: channel (HIT/STALE): req/s, 3 instances ÷ 1 instance',
      '1 instance 4,000 / 6,000',
      '3 instances 5,000',
      '1.00×',
      '1.50×',
    ]);
    expect(rows.find((row) => row[0]!.startsWith('peak RSS'))).toEqual(['peak RSS per instance under the edge load, MB', '1 instance 210', '3 instances 190 + 195 + 205', '0.976×']);
    expect(rows.find((row) => row[0] === 'change log: PUT on 1 → served by 2')?.[2]).toBe('median 560 ms, max 1,040 ms (8)');
    expect(rows.at(-1)).toEqual(['Redis 7.0.15 GET of 50 KB vs Map.get, µs', 'Map.get 0.030', 'GET median 150, p99 2,000 (5000); 4,300/s', '5000.0×']);
    const skipped = engineRows({ ...engines, redis: { skipped: 'redis-server is not installed' } });
    expect(skipped.at(-1)).toEqual(['Redis GET vs Map.get', 'skipped', 'redis-server is not installed', '']);
    expect(engineRatios({ ...engines, redis: { skipped: 'no' } }).redisToMap).toBeNull();
  });
});

describe('RESP over a socket', () => {
  it('writes a command as an array of bulk strings', () => {
    expect(respCommand('GET', 'page').toString()).toBe('*2\r\n$3\r\nGET\r\n$4\r\npage\r\n');
    expect(respCommand('SET', 'k', Buffer.from('é')).toString()).toBe('*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$2\r\né\r\n');
  });

  it('reads complete replies and waits for the rest of a partial one', () => {
    expect(parseReply(Buffer.from('+PONG\r\n'))).toEqual({ reply: 'PONG', length: 7 });
    expect(parseReply(Buffer.from(':42\r\n'))).toEqual({ reply: 42, length: 5 });
    expect(parseReply(Buffer.from('$-1\r\n'))).toEqual({ reply: null, length: 5 });
    expect(parseReply(Buffer.from('-ERR wrong\r\n'))?.reply).toEqual(new Error('ERR wrong'));
    const bulk = parseReply(Buffer.from('$5\r\nhello\r\n+OK\r\n'));
    expect(bulk?.reply).toEqual(Buffer.from('hello'));
    expect(bulk?.length).toBe(11);
    expect(parseReply(Buffer.from('$5\r\nhel'))).toBeNull();
    expect(parseReply(Buffer.from('$5\r\nhello'))).toBeNull();
    expect(parseReply(Buffer.from('+PON'))).toBeNull();
  });
});
