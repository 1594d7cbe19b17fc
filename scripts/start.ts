/**
 * `npm start`: everything a fresh clone needs after `npm ci`.
 * 1. create and migrate the database, and load the demo content when it is empty;
 * 2. build when there is no build, or the sources changed since the last one;
 * 3. serve the production build on $PORT (default 3000) with scripts/serve.ts.
 */
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { env } from '../lib/env';
import { prepareData } from './prepare-data';

const root = process.cwd();
const distDir = path.join(root, process.env.NEXT_DIST_DIR || '.next');
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

function ensureBuild(): void {
  const stamp = path.join(distDir, 'source-hash');
  const current = sourceHash();
  const built = fs.existsSync(path.join(distDir, 'BUILD_ID')) && fs.existsSync(stamp) ? fs.readFileSync(stamp, 'utf8') : '';
  if (built === current) return;
  console.log('[start] building the site (first start, or the sources changed)…');
  const result = spawnSync(nextBin, ['build'], { stdio: 'inherit', env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
  fs.writeFileSync(stamp, current);
}

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  await prepareData();
  ensureBuild();
  // scripts/serve.ts: Next.js inside a small node:http server that adds each page's
  // Content-Security-Policy (docs/decisions/0009).
  const server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'serve.ts')], {
    stdio: 'inherit',
    env: { ...process.env, PORT: String(env.PORT) },
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => server.kill(signal));
  }
  server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
