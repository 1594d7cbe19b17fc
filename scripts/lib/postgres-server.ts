import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from './local-server';

/*
 * A throwaway PostgreSQL server in a temporary folder, made with the installed server binaries
 * (Debian's postgresql package: /usr/lib/postgresql/N/bin): the tests, `npm run cluster` and
 * `npm run bench` each start their own on a free loopback port and remove it when they stop.
 * PostgreSQL refuses to run as root; as root the server runs as the `postgres` user the
 * package creates.
 */

/** The folder of the newest installed PostgreSQL server binaries, or null when there are none. */
export function postgresBinaries(): string | null {
  const base = '/usr/lib/postgresql';
  const versions = fs.existsSync(base)
    ? fs
        .readdirSync(base)
        .filter((name) => /^\d+$/.test(name) && fs.existsSync(path.join(base, name, 'bin', 'postgres')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions.length ? path.join(base, versions[0]!, 'bin') : null;
}

function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

export interface PostgresServer {
  /** postgres://portal@127.0.0.1:PORT/postgres */
  url: string;
  port: number;
  /** The URL of another database on this server. */
  databaseUrl(name: string): string;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server, keeping its data (start() brings it back on the same port). */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and removes its folder. */
  remove(): Promise<void>;
  pid(): number | undefined;
}

export interface PostgresServerOptions {
  /** Keep each commit on disk before answering (off: faster, for tests whose data is thrown away). */
  durable?: boolean;
  /** Where the server's log goes (default: a file in its folder). */
  logFile?: string;
}

/** initdb into a new temporary folder, then start the server on a free port. */
export async function startPostgres(options: PostgresServerOptions = {}): Promise<PostgresServer> {
  const bin = postgresBinaries();
  if (!bin) {
    throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql: apt-get install -y postgresql');
  }
  const user = runAs();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-pg-'));
  const dataDir = path.join(dir, 'data');
  fs.mkdirSync(dataDir, { mode: 0o700 });
  if (user) {
    fs.chownSync(dir, user.uid, user.gid);
    fs.chownSync(dataDir, user.uid, user.gid);
  }
  execFileSync(
    path.join(bin, 'initdb'),
    ['-D', dataDir, '-U', 'portal', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync'],
    { stdio: 'ignore', uid: user?.uid, gid: user?.gid, cwd: dir },
  );
  const port = await freePort();
  const logFile = options.logFile ?? path.join(dir, 'server.log');
  const durability = options.durable
    ? []
    : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];
  let child: ChildProcess | null = null;

  const start = async (): Promise<void> => {
    const out = fs.openSync(logFile, 'a');
    if (user) fs.fchownSync(out, user.uid, user.gid);
    child = spawn(
      path.join(bin, 'postgres'),
      ['-D', dataDir, '-p', String(port), '-k', dir, '-h', '127.0.0.1', '-c', 'max_connections=300', ...durability],
      { stdio: ['ignore', out, out], uid: user?.uid, gid: user?.gid, cwd: dir },
    );
    fs.closeSync(out);
    await waitForPostgres(`postgres://portal@127.0.0.1:${port}/postgres`, child);
  };
  // SIGINT is PostgreSQL's fast shutdown: it ends open sessions and stops at once (SIGTERM
  // would wait for every client to disconnect).
  const stop = async (): Promise<void> => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => running.kill('SIGKILL'), 30_000);
      running.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      running.kill('SIGINT');
    });
  };

  await start();
  const url = `postgres://portal@127.0.0.1:${port}/postgres`;
  const databaseUrl = (name: string) => `postgres://portal@127.0.0.1:${port}/${name}`;
  return {
    url,
    port,
    databaseUrl,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
      } finally {
        await client.end();
      }
      return databaseUrl(name);
    },
    stop,
    start,
    async remove() {
      await stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
    pid: () => child?.pid,
  };
}

async function waitForPostgres(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error('PostgreSQL exited during start-up');
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`PostgreSQL did not answer within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
