import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { freePort, productionEnv, startProductionServer, waitForServer } from '../../scripts/lib/local-server';
import { E2E_APP_SECRET } from './server';

/*
 * SIGTERM on a second production server (same build, its own database with 20,000 synthetic
 * articles): a response in flight is finished, new connections are refused, the process exits
 * with 143, and the database is closed (its write-ahead log checkpointed away).
 */

jest.setTimeout(120_000);

const root = path.resolve(__dirname, '..', '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

it('finishes the request in flight, refuses new ones and closes the database on SIGTERM', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-shutdown-'));
  const databasePath = path.join(dir, 'shutdown.db');
  const port = await freePort();
  const env = productionEnv({ port, distDir: '.next-e2e', databasePath, appSecret: E2E_APP_SECRET });
  expect(spawnSync(bin('tsx'), ['scripts/seed.ts', '--articles', '20000'], { cwd: root, env, stdio: 'ignore' }).status).toBe(0);
  const server = startProductionServer(env);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    server.on('exit', (code, signal) => resolve({ code, signal })),
  );
  try {
    await waitForServer(`http://localhost:${port}/api/health`, server);
    // A long streamed response (10,000 URLs): SIGTERM as soon as its first bytes arrive.
    const body = await new Promise<string>((resolve, reject) => {
      http
        .get(`http://localhost:${port}/sitemaps/en/articles-1.xml`, (response) => {
          let text = '';
          let signalled = false;
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => {
            text += chunk;
            if (!signalled) {
              signalled = true;
              server.kill('SIGTERM');
            }
          });
          response.on('end', () => resolve(text));
          response.on('error', reject);
        })
        .on('error', reject);
    });
    expect(body.trimEnd().endsWith('</urlset>')).toBe(true);
    expect((body.match(/<url>/g) ?? []).length).toBe(10_000);
    const { code, signal } = await exited;
    expect(code === 143 || signal === 'SIGTERM').toBe(true);
    await expect(fetch(`http://localhost:${port}/api/health`)).rejects.toThrow();
    // Closed cleanly: the last connection's close checkpoints the log and removes it.
    expect(fs.existsSync(`${databasePath}-wal`)).toBe(false);
  } finally {
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
