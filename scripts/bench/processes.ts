import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { startProductionServer, stopProcess, waitForServer } from '../lib/local-server';

/*
 * Child processes of the benchmark: the site's production server and the node:http reference.
 * Each is stopped by its own PID (other people run servers on this machine: never by name).
 */

export interface RunningServer {
  pid: number;
  /** Base URL on loopback, e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Everything started and not yet stopped, so Ctrl-C or a crash still stops it. */
const running = new Set<ChildProcess>();

export async function stopAllStarted(): Promise<void> {
  await Promise.all([...running].map((child) => stopProcess(child)));
}

/**
 * Keeps the last of a started process's stderr for the error message, and waits until it
 * answers at `readyPath`; stops it when it does not.
 */
async function waitUntilReady(child: ChildProcess, port: number, readyPath: string, label: string): Promise<RunningServer> {
  running.add(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  child.once('exit', () => running.delete(child));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForServer(`${url}${readyPath}`, child);
  } catch (error) {
    await stopProcess(child);
    throw new Error(`${label} did not start: ${(error as Error).message}\n${stderr}`);
  }
  return { pid: child.pid!, url, port, stop: () => stopProcess(child) };
}

export interface SiteServerOptions {
  port: number;
  /** Environment of the server: DATABASE_PATH, SITE_URL, APP_SECRET, NEXT_DIST_DIR, DB_QUERY_LOG… */
  env: NodeJS.ProcessEnv;
  /** The node executable the server runs on (default: the benchmark's own). */
  node?: string;
}

/**
 * The production server as `npm start` runs it (server/main.ts bundled beside the build,
 * Next.js inside a small node:http server that adds each page's Content-Security-Policy,
 * decision 0010). It listens on every interface (binding 127.0.0.1 makes Next.js proxy the
 * proxy's rewrites over HTTP, decision 0001).
 */
export function startSiteServer({ port, env, node }: SiteServerOptions): Promise<RunningServer> {
  const child = startProductionServer({ ...env, PORT: String(port) }, ['ignore', 'ignore', 'pipe'], node);
  return waitUntilReady(child, port, '/api/health', 'the site server');
}

/** The node:http reference (scripts/bench/reference-server.ts) sending one file's bytes with the given headers. */
export function startReferenceServer(options: { root: string; port: number; bodyFile: string; headers: Record<string, string> }): Promise<RunningServer> {
  const script = path.join(options.root, 'scripts', 'bench', 'reference-server.ts');
  const env = {
    ...process.env,
    PORT: String(options.port),
    BENCH_BODY_FILE: options.bodyFile,
    BENCH_HEADERS: JSON.stringify(options.headers),
  };
  const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: options.root, env, stdio: ['ignore', 'ignore', 'pipe'] });
  return waitUntilReady(child, options.port, '/', 'the node:http reference');
}
