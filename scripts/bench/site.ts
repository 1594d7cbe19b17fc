import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bundleServer } from '../../server/bundle';

/*
 * Preparing the site under test: a seeded temporary database and a clean production build
 * into the benchmark's own dist folder (never the developer's .next or the tests' .next-e2e).
 */

export const BENCH_DIST_DIR = '.next-bench';

/**
 * The static-file reference is served from public/ by the site's own server. It lives under
 * public/images/demo/ because that folder is ignored by git (a crash cannot leave a file to
 * commit) and images/ is outside the proxy's matcher (a root-level file would be answered by
 * the proxy's 404). Next.js lists public/ when it starts, so the file must exist by then; it
 * reads the file on each request, so its content can be written once the article is known.
 */
export const STATIC_REFERENCE_PATH = '/images/demo/__bench-article.html';

export function staticReferenceFile(root: string): string {
  return path.join(root, 'public', ...STATIC_REFERENCE_PATH.split('/').filter(Boolean));
}

function runTimed(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, label: string): { seconds: number; output: string } {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    throw new Error(`${label} failed (${result.status ?? result.signal}):\n${result.stdout?.toString().slice(-3000)}\n${result.stderr?.toString().slice(-3000)}`);
  }
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, output: result.stdout.toString() };
}

/** An npm package's command (node_modules/.bin/NAME) as [node, [its script, …args]]: run on `node`, not PATH's. */
function packageCommand(root: string, node: string, name: string, args: string[]): [string, string[]] {
  return [node, [fs.realpathSync(path.join(root, 'node_modules', '.bin', name)), ...args]];
}

/** Seeds `env.DATABASE_PATH` with the demo content and `articles` synthetic ones, on `node`; seconds taken. */
export function seedDatabase(root: string, env: NodeJS.ProcessEnv, articles: number, node: string = process.execPath): number {
  const [command, args] = packageCommand(root, node, 'tsx', ['scripts/seed.ts', ...(articles > 0 ? ['--articles', String(articles)] : [])]);
  return runTimed(command, args, root, env, 'seeding').seconds;
}

/**
 * Copies the SQLite database at `from` into the empty PostgreSQL database `to` with
 * `npm run db:copy` (ids kept, every table's checksum compared), on `node`; seconds taken.
 */
export function copyDatabase(root: string, env: NodeJS.ProcessEnv, from: string, to: string, node: string = process.execPath): number {
  const [command, args] = packageCommand(root, node, 'tsx', ['scripts/db-copy.ts', '--from', from, '--to', to]);
  return runTimed(command, args, root, env, 'copying the database').seconds;
}

/**
 * A clean `next build` (the dist folder and its compiler cache removed first, so builds at two
 * sizes compare fairly); seconds taken. `next build` adds its dist folder's type paths to
 * tsconfig.json: the file is put back as it was so a benchmark leaves the checkout unchanged.
 */
export interface BuildTime {
  seconds: number;
  /**
   * The compiler's part as `next build` reports it ("Compiled successfully in 11.0s"), or null
   * when its output changes. It never reads the database; the rest (type check, collecting
   * page data, prerendering) is where the number of articles could show.
   */
  compileSeconds: number | null;
}

export function compileSecondsIn(buildOutput: string): number | null {
  const match = /Compiled successfully in ([0-9.]+)(m?s)\b/.exec(buildOutput);
  if (!match) return null;
  return Number(match[1]) / (match[2] === 'ms' ? 1000 : 1);
}

/** The build runs on `node` (the server that will serve it, too). */
export function buildSite(root: string, env: NodeJS.ProcessEnv, node: string = process.execPath): BuildTime {
  fs.rmSync(path.join(root, BENCH_DIST_DIR), { recursive: true, force: true });
  const tsconfig = path.join(root, 'tsconfig.json');
  const before = fs.readFileSync(tsconfig);
  try {
    const [command, args] = packageCommand(root, node, 'next', ['build']);
    const { seconds, output } = runTimed(command, args, root, env, 'next build');
    bundleServer(BENCH_DIST_DIR);
    return { seconds, compileSeconds: compileSecondsIn(output) };
  } finally {
    if (!fs.readFileSync(tsconfig).equals(before)) fs.writeFileSync(tsconfig, before);
  }
}

/** A page's bytes and the headers that matter for the node:http reference (hop-by-hop ones left out). */
export interface CapturedPage {
  body: Buffer;
  headers: Record<string, string>;
}

const HOP_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding']);

export async function capturePage(url: string): Promise<CapturedPage> {
  // Twice: the first request may render it; the second is the cached answer readers get.
  // Uncompressed, as the load generator asks for it (it sends no Accept-Encoding).
  const init = { headers: { 'accept-encoding': 'identity' } };
  await (await fetch(url, init)).arrayBuffer();
  const response = await fetch(url, init);
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!HOP_HEADERS.has(name)) headers[name] = value;
  });
  return { body, headers };
}
