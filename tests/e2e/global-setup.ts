import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { E2E_APP_SECRET, E2E_INGEST_TOKEN, SERVER_COMMAND, STATE_FILE, type E2eState } from './server';

/*
 * End-to-end tests run against the real production build and server: a temporary database
 * seeded with the demo content, `next build` into its own folder (.next-e2e), scripts/serve.ts.
 */

const root = path.resolve(__dirname, '..', '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`${path.basename(command)} ${args.join(' ')} failed (${result.status})`);
}

async function waitForServer(url: string, server: { exitCode: number | null }): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error('the server exited during start-up');
    try {
      const response = await fetch(url, { redirect: 'manual' });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not answer at ${url}`);
}

export default async function globalSetup(): Promise<void> {
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-e2e-'));
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: '.next-e2e',
    DATABASE_PATH: path.join(tempDir, 'e2e.db'),
    SITE_URL: baseUrl,
    // Known to the tests, which sign contact-form tokens with it (lib/contact/token.ts).
    APP_SECRET: E2E_APP_SECRET,
    INGEST_TOKEN: E2E_INGEST_TOKEN,
    // A picture host the newsroom API accepts (never fetched by the tests).
    IMAGE_REMOTE_HOSTS: 'images.example.com',
  };
  run(bin('tsx'), ['scripts/seed.ts'], env);
  run(bin('tsx'), ['tests/e2e/load-fixtures.ts'], env);
  run(bin('next'), ['build'], env);
  const queryLog = path.join(tempDir, 'queries.log');
  const server = spawn(...SERVER_COMMAND, {
    cwd: root,
    env: { ...env, DB_QUERY_LOG: queryLog, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: false,
  });
  await waitForServer(`${baseUrl}/en`, server);
  const state: E2eState = {
    baseUrl,
    pid: server.pid!,
    databasePath: env.DATABASE_PATH!,
    queryLog,
    tempDir,
  };
  fs.writeFileSync(STATE_FILE, JSON.stringify(state));
  server.unref();
}
