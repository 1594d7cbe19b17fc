import type { ChildProcess } from 'node:child_process';
import net from 'node:net';

/*
 * What the end-to-end tests and `npm run lighthouse` share to run the production server and
 * Debian's Chromium on this machine.
 */

/**
 * How to start the production server (as `npm start` does): scripts/serve.ts, bundled by
 * `npm run build`, on the build in NEXT_DIST_DIR, port from PORT. One process, so its PID is
 * the server's.
 *
 * The heap is capped at 384 MB. Without a cap V8 lets the heap grow with the machine (24 GB
 * here) and the server reached 444 MB RSS under `npm run bench` at 100,000 articles; with it,
 * 266 MB. The price, in one shorter run: home as fast, channel and article pages 15–25 % slower
 * from the server itself (more frequent collection), nothing through the edge cache. A 256 MB
 * cap cost up to 40 % and lengthened p99s five-fold.
 */
export const SERVER_COMMAND: [string, string[]] = [process.execPath, ['--max-old-space-size=384', 'scripts/serve-built.cjs']];

/** Chromium's flags for headless runs here: no sandbox (containers), no GPU, no background traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Waits (up to a minute) until the server answers `url` with anything but a 5xx. */
export async function waitForServer(url: string, server: Pick<ChildProcess, 'exitCode'>): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error('the server exited during start-up');
    try {
      if ((await fetch(url, { redirect: 'manual' })).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not answer at ${url}`);
}

/** The environment of a production server on its own build and database, at http://localhost:PORT. */
export function productionEnv(params: { port: number; distDir: string; databasePath: string; appSecret: string }): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: params.distDir,
    DATABASE_PATH: params.databasePath,
    SITE_URL: `http://localhost:${params.port}`,
    APP_SECRET: params.appSecret,
    PORT: String(params.port),
  };
}
