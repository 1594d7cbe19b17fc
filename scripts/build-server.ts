/**
 * Bundles the production server (scripts/serve.ts and the lib/ modules it imports) into plain
 * JavaScript beside the Next.js build: `<NEXT_DIST_DIR>/portal/serve.js`. Running the
 * TypeScript source through a loader (tsx) costs the server about 60 MB more memory at rest;
 * the bundle keeps every npm package external, so it is small and built in milliseconds.
 *
 *   npm run build        (next build, then this)
 */
import path from 'node:path';
import { buildSync } from 'esbuild';

/** Where the bundle of a build in `distDir` lives. */
export function serverBundle(distDir: string): string {
  return path.join(distDir, 'portal', 'serve.js');
}

export function bundleServer(root: string, distDir: string): string {
  const outfile = serverBundle(path.resolve(root, distDir));
  buildSync({
    entryPoints: [path.join(root, 'scripts', 'serve.ts')],
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

if (require.main === module) {
  const file = bundleServer(process.cwd(), process.env.NEXT_DIST_DIR || '.next');
  console.log(`[build] server bundled into ${path.relative(process.cwd(), file)}`);
}
