import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, productionEnv, startProductionServer, waitForServer } from '../../scripts/lib/local-server';
import { bundleServer } from '../../server/bundle';
import { E2E_APP_SECRET, E2E_INGEST_TOKEN, STATE_FILE, type E2eState } from './server';

/*
 * End-to-end tests run against the real production build and server: a temporary database
 * seeded with the demo content, `next build` into its own folder (.next-e2e), server/main.ts.
 */

const root = path.resolve(__dirname, '..', '..');

/**
 * Runs an npm package's command (node_modules/.bin/NAME) on the Node running the tests, not on
 * whichever `node` is first on PATH: CI runs the suite on each supported Node
 * (docs/decisions/0016-node-versions.md), and the build and the server must be that one.
 */
function run(name: string, args: string[], env: NodeJS.ProcessEnv): void {
  const script = fs.realpathSync(path.join(root, 'node_modules', '.bin', name));
  const result = spawnSync(process.execPath, [script, ...args], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`${name} ${args.join(' ')} failed (${result.status})`);
}

/** The Node.js version the server says it runs, from its `server.start` log line (instrumentation.ts). */
function serverNode(serverLog: string): string | undefined {
  for (const line of fs.readFileSync(serverLog, 'utf8').split('\n')) {
    try {
      const entry = JSON.parse(line) as { event?: string; node?: string };
      if (entry.event === 'server.start') return entry.node;
    } catch {
      // not a JSON line
    }
  }
  return undefined;
}

export default async function globalSetup(): Promise<void> {
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-e2e-'));
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = {
    // APP_SECRET is known to the tests, which sign contact-form tokens with it (lib/contact/token.ts).
    ...productionEnv({ port, distDir: '.next-e2e', databasePath: path.join(tempDir, 'e2e.db'), appSecret: E2E_APP_SECRET }),
    INGEST_TOKEN: E2E_INGEST_TOKEN,
    // A picture host the newsroom API accepts (never fetched by the tests).
    IMAGE_REMOTE_HOSTS: 'images.example.com',
  };
  run('tsx', ['scripts/seed.ts'], env);
  run('tsx', ['tests/e2e/load-fixtures.ts'], env);
  console.log(`[e2e] building .next-e2e with Node ${process.version}`);
  run('next', ['build'], env);
  bundleServer('.next-e2e');
  const queryLog = path.join(tempDir, 'queries.log');
  // The server's stdout is its JSON log (lib/log.ts): kept for the tests that read it.
  const serverLog = path.join(tempDir, 'server.log');
  const server = startProductionServer({ ...env, DB_QUERY_LOG: queryLog }, ['ignore', fs.openSync(serverLog, 'a'), 'inherit']);
  await waitForServer(`${baseUrl}/en`, server);
  // Proof, in the CI log, that the server under test runs on the Node being tested.
  const node = serverNode(serverLog);
  console.log(`[e2e] the server under test (pid ${server.pid}) runs Node ${node ?? '(no server.start line)'}; the tests run on ${process.version}`);
  if (node !== process.version) {
    server.kill('SIGTERM');
    throw new Error(`the server runs Node ${node}, not the tests' ${process.version}`);
  }
  const state: E2eState = {
    baseUrl,
    pid: server.pid!,
    databasePath: env.DATABASE_PATH!,
    queryLog,
    serverLog,
    tempDir,
  };
  fs.writeFileSync(STATE_FILE, JSON.stringify(state));
  server.unref();
}
