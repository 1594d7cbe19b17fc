/**
 * `npm start`: everything a fresh clone needs after `npm ci`.
 * 1. create and migrate the database, and load the demo content when it is empty;
 * 2. build when there is no build, or the sources changed since the last one;
 * 3. serve the production build on $PORT (default 3000) with scripts/serve.ts.
 */
import { spawn } from 'node:child_process';
import { env } from '../lib/env';
import { buildIfNeeded } from './build-if-needed';
import { SERVER_COMMAND } from './local-server';
import { prepareData } from './prepare-data';

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  await prepareData();
  buildIfNeeded();
  // scripts/serve.ts: Next.js inside a small node:http server that adds each page's
  // Content-Security-Policy (docs/decisions/0010).
  const [command, args] = SERVER_COMMAND;
  const server = spawn(command, args, { stdio: 'inherit', env: { ...process.env, PORT: String(env.PORT) } });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => server.kill(signal));
  }
  server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
