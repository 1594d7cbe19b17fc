/*
 * Flags of `npm run bench -- …`. Defaults keep a full run (two sizes, two builds) near ten
 * minutes on two cores.
 */

export interface BenchOptions {
  /** Articles in the large database. */
  articles: number;
  /** Articles in the small database (page figures repeated there); 0 skips it. */
  small: number;
  /** Seconds of each measured run. */
  duration: number;
  /** Seconds of the warm-up before each measured run (not counted). */
  warmup: number;
  connections: number;
  /** Where the JSON results go; default bench-results/bench-{date}.json. */
  json: string | null;
  locale: 'en' | 'zh';
  channel: string;
  /**
   * The Node.js lines the site runs on (seed, build and server), one after the other in the same
   * run: "20", "22", "24" (scripts/node-version.ts), "system". Empty: the benchmark's own Node.
   */
  nodes: string[];
  /** Whether to measure through the edge cache (nginx) too, with each page's node:http limit. */
  edge: boolean;
  /**
   * Whether to compare, at the large size, PostgreSQL with SQLite and three instances with one,
   * and time how changes reach other instances (scripts/bench/engines.ts). Off by default: it
   * adds a few minutes and needs PostgreSQL's server binaries.
   */
  engines: boolean;
}

export const DEFAULT_OPTIONS: BenchOptions = {
  articles: 100_000,
  small: 1_000,
  duration: 10,
  warmup: 5,
  connections: 50,
  json: null,
  locale: 'en',
  channel: 'news',
  nodes: [],
  edge: true,
  engines: false,
};

export const USAGE = `npm run bench -- [--articles N] [--small N] [--duration S] [--warmup S] [--connections N] [--json FILE] [--locale en|zh] [--channel SLUG] [--node 20,22,24] [--edge 0|1] [--engines 0|1]`;

function wholeNumber(flag: string, value: string | undefined, min: number): number {
  const n = Number(value);
  if (value === undefined || !Number.isSafeInteger(n) || n < min) throw new Error(`${flag} needs a whole number ≥ ${min}\n${USAGE}`);
  return n;
}

/** Numeric flags: the option each sets and its smallest allowed value. */
const NUMBER_FLAGS: Record<string, [keyof BenchOptions, number]> = {
  '--articles': ['articles', 0],
  '--small': ['small', 0],
  '--duration': ['duration', 1],
  '--warmup': ['warmup', 0],
  '--connections': ['connections', 1],
};

export function parseOptions(argv: string[]): BenchOptions {
  const options: BenchOptions = { ...DEFAULT_OPTIONS };
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    const numeric = NUMBER_FLAGS[flag];
    if (numeric) {
      Object.assign(options, { [numeric[0]]: wholeNumber(flag, value, numeric[1]) });
    } else if (flag === '--json') {
      if (!value) throw new Error(`--json needs a file name\n${USAGE}`);
      options.json = value;
    } else if (flag === '--locale') {
      if (value !== 'en' && value !== 'zh') throw new Error(`--locale is en or zh\n${USAGE}`);
      options.locale = value;
    } else if (flag === '--node') {
      const nodes = (value ?? '').split(',').filter(Boolean);
      if (nodes.length === 0 || !nodes.every((n) => /^(system|\d+|\d+\.\d+\.\d+)$/.test(n))) throw new Error(`--node needs Node lines, e.g. 22 or 20,22,24\n${USAGE}`);
      options.nodes = nodes;
    } else if (flag === '--edge' || flag === '--engines') {
      if (value !== '0' && value !== '1') throw new Error(`${flag} is 0 or 1\n${USAGE}`);
      options[flag === '--edge' ? 'edge' : 'engines'] = value === '1';
    } else if (flag === '--channel') {
      if (!value || !/^[a-z0-9][a-z0-9-]*$/.test(value)) throw new Error(`--channel needs a channel slug\n${USAGE}`);
      options.channel = value;
    } else {
      throw new Error(`Unknown argument: ${flag}\n${USAGE}`);
    }
  }
  return options;
}
