import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { E2E_APP_SECRET } from './server';

/*
 * Starting the production server on the suite's build (.next-e2e): the global setup's server
 * and the tests that start one of their own (SIGTERM, kill -9) all go through here, so how the
 * server is started is said once.
 */

const root = path.resolve(__dirname, '..', '..');
export const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The environment of a production server on the suite's build, with its own database and port. */
export function productionEnv(options: { databasePath: string; port: number; extra?: Record<string, string> }): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: '.next-e2e',
    DATABASE_PATH: options.databasePath,
    // Not 127.0.0.1: next start -H 127.0.0.1 proxies the proxy's rewrites over HTTP instead of serving them.
    SITE_URL: `http://localhost:${options.port}`,
    PORT: String(options.port),
    // Known to the tests, which sign contact-form tokens with it (lib/contact/token.ts).
    APP_SECRET: E2E_APP_SECRET,
    ...options.extra,
  };
}

/** Starts the server (PORT from `env`); `stdio` as for spawn: stdin, stdout (the JSON log), stderr. */
export function startProductionServer(env: NodeJS.ProcessEnv, stdio: StdioOptions = ['ignore', 'ignore', 'inherit']): ChildProcess {
  return spawn(bin('next'), ['start', '-p', env.PORT!], { cwd: root, env, stdio });
}

/** Resolves when `url` answers below 500; fails if the server exits first or after a minute. */
export async function waitUntilServing(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) throw new Error('the server exited during start-up');
    try {
      const response = await fetch(url, { redirect: 'manual' });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the server did not answer at ${url}`);
}
