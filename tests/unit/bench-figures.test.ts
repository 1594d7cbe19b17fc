import { nthAddress } from '../../scripts/bench/contact';
import {
  cachedPagesWithPerRequestQueries,
  formatRatio,
  formatTable,
  ratio,
  ratiosTo,
  type LoadFigures,
  type References,
  type TargetResult,
} from '../../scripts/bench/figures';
import { DEFAULT_OPTIONS, parseOptions } from '../../scripts/bench/options';
import { isRequestQuery } from '../../scripts/bench/query-log';
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
  });
});
