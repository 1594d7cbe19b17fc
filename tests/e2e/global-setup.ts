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
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

function run(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`${path.basename(command)} ${args.join(' ')} failed (${result.status})`);
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
  run(bin('tsx'), ['scripts/seed.ts'], env);
  run(bin('tsx'), ['tests/e2e/load-fixtures.ts'], env);
  run(bin('next'), ['build'], env);
  bundleServer('.next-e2e');
  const queryLog = path.join(tempDir, 'queries.log');
  // The server's stdout is its JSON log (lib/log.ts): kept for the tests that read it.
  const serverLog = path.join(tempDir, 'server.log');
  const server = startProductionServer({ ...env, DB_QUERY_LOG: queryLog }, ['ignore', fs.openSync(serverLog, 'a'), 'inherit']);
  await waitForServer(`${baseUrl}/en`, server);
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
