/**
 * Runs the shipped edge cache (ops/nginx/edge.conf) in front of a local server, for the
 * end-to-end tests, the benchmark and `npm run edge`. nginx runs in the foreground under this
 * process, with everything it writes (pid, error log, temporary files) in a temporary folder,
 * so it needs no system setup and works as root and as an ordinary user.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const EDGE_TEMPLATE = path.resolve(__dirname, '..', '..', 'ops', 'nginx', 'edge.conf');

export interface EdgeSettings {
  /** Where nginx listens: a port, or address:port. */
  listen: string;
  /** The app server, address:port; several instances, comma-separated. */
  upstream: string;
  cacheDir: string;
}

const PLACEHOLDERS: Record<string, keyof EdgeSettings> = {
  EDGE_LISTEN: 'listen',
  EDGE_UPSTREAM: 'upstream',
  EDGE_CACHE_DIR: 'cacheDir',
};

/**
 * The shipped configuration with its three placeholders filled in; nginx's own `$…` variables
 * stay, and so do comments (which explain the placeholders by name). A line naming the upstream
 * is repeated once for each instance when `upstream` lists several.
 */
export function renderEdgeConfig(settings: EdgeSettings, template = fs.readFileSync(EDGE_TEMPLATE, 'utf8')): string {
  const fill = (line: string, values: EdgeSettings) =>
    line.replace(/\$\{(EDGE_[A-Z_]+)\}/g, (placeholder, name: string) => {
      const key = PLACEHOLDERS[name];
      if (!key) throw new Error(`unknown placeholder ${placeholder} in ${EDGE_TEMPLATE}`);
      const value = values[key];
      // One nginx token: no spaces, semicolons, quotes or braces can end up in the config.
      if (!/^[\w.:/\-[\]]+$/.test(value)) throw new Error(`${key} "${value}" is not a plain address or path`);
      return value;
    });
  const upstreams = settings.upstream.split(',').map((entry) => entry.trim());
  return template
    .split('\n')
    .flatMap((line) => {
      if (line.trimStart().startsWith('#')) return [line];
      if (!line.includes('${EDGE_UPSTREAM}')) return [fill(line, settings)];
      return upstreams.map((upstream) => fill(line, { ...settings, upstream }));
    })
    .join('\n');
}

/**
 * A complete nginx.conf around the shipped file: what Debian's /etc/nginx/nginx.conf provides
 * in production (workers, events), with every path nginx writes inside `dir`.
 */
function mainConfig(dir: string, edgeFile: string): string {
  // As root, nginx's workers would run as `nobody`, who cannot enter a private temporary
  // folder: keep them as the invoking user (this is a test and benchmark harness).
  const user = process.getuid?.() === 0 ? 'user root root;\n' : '';
  const temp = (name: string) => path.join(dir, 'temp', name);
  return `# Written by scripts/lib/edge.ts for a local run; production uses /etc/nginx/nginx.conf.
${user}worker_processes auto;
pid ${path.join(dir, 'nginx.pid')};
error_log ${path.join(dir, 'error.log')} warn;

events {
    worker_connections 4096;
}

http {
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    client_body_temp_path ${temp('body')};
    proxy_temp_path ${temp('proxy')};
    fastcgi_temp_path ${temp('fastcgi')};
    uwsgi_temp_path ${temp('uwsgi')};
    scgi_temp_path ${temp('scgi')};

    include ${edgeFile};
}
`;
}

/** nginx from NGINX_BIN, the PATH, or where Debian puts it (/usr/sbin is not on every PATH). */
export function findNginx(): string {
  const candidates = [process.env.NGINX_BIN, 'nginx', '/usr/sbin/nginx'].filter((c): c is string => Boolean(c));
  for (const candidate of candidates) {
    const probe = spawnSync(candidate, ['-v'], { stdio: 'ignore' });
    if (!probe.error && probe.status === 0) return candidate;
  }
  throw new Error(
    'nginx is not installed: the edge cache needs it (Debian: apt-get install nginx-light; or set NGINX_BIN to its path)',
  );
}

function canConnect(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

export interface EdgeOptions {
  /** The port nginx listens on (127.0.0.1). */
  port: number;
  /** The app server's port on 127.0.0.1, or the ports of several instances. */
  upstreamPort: number | readonly number[];
  /** The cache directory; created if missing. Reuse one to start with a warm cache. */
  cacheDir: string;
}

export interface RunningEdge {
  url: string;
  /** The folder with nginx.conf, edge.conf and error.log. */
  dir: string;
  stop(): Promise<void>;
}

/** Starts nginx with the shipped configuration; resolves once it accepts connections. */
export async function startEdge({ port, upstreamPort, cacheDir }: EdgeOptions): Promise<RunningEdge> {
  const nginx = findNginx();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-edge-'));
  fs.mkdirSync(path.join(dir, 'temp'));
  fs.mkdirSync(cacheDir, { recursive: true });
  const edgeFile = path.join(dir, 'edge.conf');
  const configFile = path.join(dir, 'nginx.conf');
  const host = '127.0.0.1';
  fs.writeFileSync(
    edgeFile,
    renderEdgeConfig({
      listen: `${host}:${port}`,
      upstream: [upstreamPort].flat().map((upstream) => `${host}:${upstream}`).join(','),
      cacheDir: path.resolve(cacheDir),
    }),
  );
  fs.writeFileSync(configFile, mainConfig(dir, edgeFile));

  // -e: the log for messages before the configuration is read (the default may not be writable).
  const child = spawn(nginx, ['-p', dir, '-e', path.join(dir, 'error.log'), '-c', configFile, '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const errorLog = () => {
    const file = path.join(dir, 'error.log');
    return [stderr, fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : ''].join('').trim();
  };

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      // SIGQUIT: graceful shutdown, the workers finish their requests; then nothing is left behind.
      child.kill('SIGQUIT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited(child);
      clearTimeout(timer);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };

  // nginx writes its pid file after it has bound the port: before that, a connection could
  // reach whatever else holds the port.
  const pidFile = path.join(dir, 'nginx.pid');
  const deadline = Date.now() + 10_000;
  while (!(fs.existsSync(pidFile) && (await canConnect(port, host)))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      const log = errorLog();
      await stop();
      throw new Error(`nginx did not start on ${host}:${port}:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { url: `http://${host}:${port}`, dir, stop };
}
