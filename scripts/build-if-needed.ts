import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { bundleServer } from '../server/bundle';

const root = process.cwd();
const nextBin = path.join(root, 'node_modules', '.bin', 'next');
const SOURCES = ['app', 'components', 'lib', 'messages', 'public', 'proxy.ts', 'instrumentation.ts', 'next.config.ts', 'package-lock.json', 'postcss.config.mjs'];

/** A hash of the files a build depends on, to know when the existing build is stale. */
function sourceHash(): string {
  const hash = crypto.createHash('sha256');
  const visit = (entry: string) => {
    const full = path.join(root, entry);
    if (!fs.existsSync(full)) return;
    const stat = fs.statSync(full);
    if (stat.isDirectory()) {
      for (const child of fs.readdirSync(full).sort()) visit(path.join(entry, child));
    } else {
      hash.update(entry);
      hash.update(fs.readFileSync(full));
    }
  };
  SOURCES.forEach(visit);
  return hash.digest('hex');
}

/**
 * Runs `next build` into `env.NEXT_DIST_DIR` (default .next) when there is no build there, or
 * the sources changed since it was made; bundles the production server beside it either way
 * (server/bundle.ts: milliseconds, so the bundle always matches server/ and lib/). Exits the
 * process when the build fails.
 */
export function buildIfNeeded(env: NodeJS.ProcessEnv = process.env, label = 'start'): void {
  const distDir = path.join(root, env.NEXT_DIST_DIR || '.next');
  const stamp = path.join(distDir, 'source-hash');
  const current = sourceHash();
  const built = fs.existsSync(path.join(distDir, 'BUILD_ID')) && fs.existsSync(stamp) ? fs.readFileSync(stamp, 'utf8') : '';
  if (built === current) {
    bundleServer(distDir);
    return;
  }
  console.log(`[${label}] building the site into ${path.relative(root, distDir)} (first run, or the sources changed)…`);
  const result = spawnSync(nextBin, ['build'], { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
  bundleServer(distDir);
  fs.writeFileSync(stamp, current);
}
