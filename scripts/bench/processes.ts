import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { SERVER_COMMAND } from '../local-server';

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

/** Polls until `url` answers anything below 500, or fails when the process exits first. */
export async function waitForHttp(url: string, child: ChildProcess, timeoutMs = 90_000): Promise<void> {
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

/** SIGTERM, then SIGKILL if the process has not exited within `graceMs`. */
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

/** Everything started and not yet stopped, so Ctrl-C or a crash still stops it. */
const running = new Set<ChildProcess>();

export async function stopAllStarted(): Promise<void> {
  await Promise.all([...running].map((child) => stopProcess(child)));
}

interface StartSpec {
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  port: number;
  /** A path that answers once the server is ready. */
  readyPath: string;
  /** For error messages. */
  label: string;
}

async function startAndWait({ command, args, cwd, env, port, readyPath, label }: StartSpec): Promise<RunningServer> {
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
  running.add(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  child.once('exit', () => running.delete(child));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}${readyPath}`, child);
  } catch (error) {
    await stopProcess(child);
    throw new Error(`${label} did not start: ${(error as Error).message}\n${stderr}`);
  }
  return { pid: child.pid!, url, port, stop: () => stopProcess(child) };
}

export interface SiteServerOptions {
  root: string;
  port: number;
  /** Environment of the server: DATABASE_PATH, SITE_URL, APP_SECRET, NEXT_DIST_DIR, DB_QUERY_LOG… */
  env: NodeJS.ProcessEnv;
}

/**
 * The production server as `npm start` runs it (SERVER_COMMAND: scripts/serve.ts bundled by the
 * build, Next.js inside a small node:http server that adds each page's Content-Security-Policy,
 * decision 0010). It listens on every interface (binding 127.0.0.1 makes Next.js proxy the
 * proxy's rewrites over HTTP, decision 0001).
 */
export function startSiteServer({ root, port, env }: SiteServerOptions): Promise<RunningServer> {
  const [command, args] = SERVER_COMMAND;
  return startAndWait({
    command,
    args,
    cwd: root,
    env: { ...env, PORT: String(port) },
    port,
    readyPath: '/api/health',
    label: 'the site server',
  });
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
  return startAndWait({
    command: process.execPath,
    args: ['--import', 'tsx', script],
    cwd: options.root,
    env,
    port: options.port,
    readyPath: '/',
    label: 'the node:http reference',
  });
}
