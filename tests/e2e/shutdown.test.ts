import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { E2E_APP_SECRET, SERVER_COMMAND } from './server';

/*
 * SIGTERM on a second production server (same build, its own database with 20,000 synthetic
 * articles): a response in flight is finished, new connections are refused, the process exits
 * with 143, and the database is closed (its write-ahead log checkpointed away).
 */

jest.setTimeout(120_000);

const root = path.resolve(__dirname, '..', '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

it('finishes the request in flight, refuses new ones and closes the database on SIGTERM', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-shutdown-'));
  const databasePath = path.join(dir, 'shutdown.db');
  const port = await freePort();
  const env = {
    ...process.env,
    NODE_ENV: 'production' as const,
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: '.next-e2e',
    DATABASE_PATH: databasePath,
    SITE_URL: `http://localhost:${port}`,
    PORT: String(port),
    APP_SECRET: E2E_APP_SECRET,
  };
  expect(spawnSync(bin('tsx'), ['scripts/seed.ts', '--articles', '20000'], { cwd: root, env, stdio: 'ignore' }).status).toBe(0);
  const server = spawn(...SERVER_COMMAND, { cwd: root, env, stdio: 'ignore' });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    server.on('exit', (code, signal) => resolve({ code, signal })),
  );
  try {
    for (let i = 0; i < 240; i++) {
      const ok = await fetch(`http://localhost:${port}/api/health`).then((r) => r.ok).catch(() => false);
      if (ok) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
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
