/**
 * The production server (server/main.ts) as it runs: bundled with the lib/ modules it imports
 * into one plain JavaScript file beside the Next.js build, `<NEXT_DIST_DIR>/portal-server.js`,
 * and started by `serverCommand`. Running the TypeScript source through a loader (tsx) costs
 * the server about 60 MB more memory at rest (docs/decisions/0010); the bundle keeps every npm
 * package external, so it is small and built in milliseconds.
 *
 *   npm run build        (next build, then this file: bundles for NEXT_DIST_DIR, default .next)
 *   npm start            (scripts/start.ts: builds and bundles when needed, then serverCommand)
 */
import path from 'node:path';
import { buildSync } from 'esbuild';

const root = path.resolve(__dirname, '..');

/** Where the server bundle of the build in `distDir` (relative to the checkout) lives. */
export function serverBundle(distDir: string): string {
  return path.resolve(root, distDir, 'portal-server.js');
}

/** Bundles server/main.ts for the build in `distDir`; returns the bundle's path. */
export function bundleServer(distDir: string): string {
  const outfile = serverBundle(distDir);
  buildSync({
    entryPoints: [path.join(root, 'server', 'main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return outfile;
}

/**
 * How `npm start`, the end-to-end tests, the benchmark and Lighthouse start the production
 * server on the build in `distDir`: one node process (its PID is the server's) running the
 * bundle. The process needs NEXT_DIST_DIR = `distDir` in its environment too (next.config.ts
 * reads it), and PORT. `node` is the running Node unless given (the benchmark can run the
 * server on another supported Node: scripts/node-version.ts).
 *
 * The heap is capped at 384 MB. Without a cap V8 lets the heap grow with the machine (24 GB
 * here) and the server reached 444 MB RSS under `npm run bench` at 100,000 articles; with it,
 * 266 MB. The price, in one shorter run: home as fast, channel and article pages 15–25 % slower
 * from the server itself (more frequent collection), nothing through the edge cache. A 256 MB
 * cap cost up to 40 % and lengthened p99s five-fold.
 */
export function serverCommand(distDir: string, node: string = process.execPath): [string, string[]] {
  return [node, ['--max-old-space-size=384', serverBundle(distDir)]];
}

if (require.main === module) {
  const file = bundleServer(process.env.NEXT_DIST_DIR || '.next');
  console.log(`[build] server bundled into ${path.relative(root, file)}`);
}
