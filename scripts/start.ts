/**
 * `npm start`: everything a fresh clone needs after `npm ci`, then the server.
 * 1. create and migrate the database, and load the demo content when it is empty;
 * 2. build when there is no build, or the sources changed since the last one (and bundle the
 *    production server beside the build);
 * 3. run the production server, server/main.ts (Next.js inside a small node:http server that
 *    adds each page's Content-Security-Policy, docs/decisions/0010), on $PORT (default 3000).
 */
import { spawn } from 'node:child_process';
import { env } from '../lib/env';
import { serverCommand } from '../server/bundle';
import { buildIfNeeded } from './build-if-needed';
import { prepareData } from './prepare-data';

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  await prepareData();
  buildIfNeeded();
  const [command, args] = serverCommand(process.env.NEXT_DIST_DIR || '.next');
  const server = spawn(command, args, { stdio: 'inherit', env: { ...process.env, PORT: String(env.PORT) } });
  // This process only relays: stopping it stops the server, and the server's exit is its exit.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => server.kill(signal));
  }
  server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
