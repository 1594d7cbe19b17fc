import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { serverCommand } from '../../server/bundle';

/*
 * Running a production server of this checkout on this machine, as the end-to-end tests,
 * `npm run bench` and `npm run lighthouse` do: a free port, the server's environment, start,
 * wait until it answers, stop. Every process is stopped by its own PID (other people run
 * servers on this machine: never by name).
 */

const root = path.resolve(__dirname, '..', '..');

/** A port nothing listens on right now (the kernel's pick). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
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

/**
 * Starts the production server (server/main.ts, bundled: server/bundle.ts) as `npm start` runs
 * it, on the build in `env.NEXT_DIST_DIR` and the port in `env.PORT` (see productionEnv), with
 * the running Node or the `node` executable given.
 */
export function startProductionServer(env: NodeJS.ProcessEnv, stdio: StdioOptions = 'ignore', node?: string): ChildProcess {
  const [command, args] = serverCommand(env.NEXT_DIST_DIR || '.next', node);
  return spawn(command, args, { cwd: root, env, stdio });
}

/** Polls until `url` answers anything below 500; fails when the process exits first or after `timeoutMs`. */
export async function waitForServer(
  url: string,
  child: Pick<ChildProcess, 'exitCode' | 'signalCode'>,
  timeoutMs = 90_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the process for ${url} exited during start-up`);
    try {
      const response = await fetch(url, { redirect: 'manual' });
      await response.arrayBuffer();
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`nothing answered at ${url} within ${timeoutMs / 1000} s`);
}

/** SIGTERM, then SIGKILL if the process has not exited within `graceMs`; resolves once it has exited. */
export function stopProcess(child: ChildProcess, graceMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Runs `cleanup` once on Ctrl-C or SIGTERM, then exits 0: a command that started servers stops them. */
export function onStopSignal(cleanup: () => Promise<void>): void {
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void cleanup().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
