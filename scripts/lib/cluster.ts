import { type ChildProcess, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEdge, type RunningEdge } from './edge';
import { freePort, startProductionServer, stopProcess, waitForServer } from './local-server';
import { startPostgres, type PostgresServer } from './postgres-server';

/*
 * Several instances of one build on one PostgreSQL database behind the shipped nginx edge, all
 * on this machine: `npm run cluster`, the several-instance end-to-end tests and the benchmark.
 * Each instance is the production server (server/main.ts) on its own port; they share the
 * database and the secrets, exactly as instances on separate machines would.
 */

const root = path.resolve(__dirname, '..', '..');

export interface ClusterOptions {
  instances: number;
  /** The build to serve (NEXT_DIST_DIR); it must exist (see buildCluster). */
  distDir: string;
  /** Use this database instead of starting a throwaway PostgreSQL. */
  databaseUrl?: string;
  /** The edge's port (default: a free one). */
  port?: number;
  /** Settings passed to every instance besides the cluster's own (INGEST_TOKEN, SMTP_URL, …). */
  env?: Record<string, string | undefined>;
  /** Where the logs, the edge cache and a started PostgreSQL's files go (default: a new temporary folder). */
  dir?: string;
  /** Keep each PostgreSQL commit on disk before answering (default true; tests turn it off). */
  durable?: boolean;
  /** The node executable the instances run on (default: this process's). */
  node?: string;
}

export interface ClusterInstance {
  index: number;
  port: number;
  url: string;
  pid(): number | undefined;
  /** The instance's stdout (its JSON log) and stderr. */
  logFile: string;
  /** Sends a signal (SIGKILL: the instance dies at once) and waits for the exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts the instance again on its port; resolves once it answers. */
  start(): Promise<void>;
}

export interface Cluster {
  /** The edge, where readers come in. */
  url: string;
  databaseUrl: string;
  instances: ClusterInstance[];
  /** The throwaway PostgreSQL, when the cluster started one. */
  postgres?: PostgresServer;
  edge: RunningEdge;
  /** What every instance runs with (tests sign form tokens with its APP_SECRET). */
  env: NodeJS.ProcessEnv;
  dir: string;
  stop(): Promise<void>;
}

/** The settings every instance shares: the database, the public address and the secrets. */
export function clusterEnv(params: {
  databaseUrl: string;
  siteUrl: string;
  distDir: string;
  env?: Record<string, string | undefined>;
}): NodeJS.ProcessEnv {
  const given = { ...process.env, ...params.env };
  return {
    ...given,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: params.distDir,
    DATABASE_URL: params.databaseUrl,
    SITE_URL: given.SITE_URL ?? params.siteUrl,
    // Shared, or a form rendered by one instance is refused by the next (README "Running on several machines").
    APP_SECRET: given.APP_SECRET ?? crypto.randomBytes(32).toString('hex'),
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: given.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ?? crypto.randomBytes(32).toString('base64'),
  };
}

/** Migrates the database and loads the demo content when it has no articles (scripts/prepare-data.ts). */
export function prepareClusterData(env: NodeJS.ProcessEnv): void {
  const result = spawnSync(process.execPath, [fs.realpathSync(path.join(root, 'node_modules', '.bin', 'tsx')), 'scripts/prepare-data.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`preparing the database failed (${result.status})`);
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'portal-cluster-'));
  fs.mkdirSync(dir, { recursive: true });
  const postgres = options.databaseUrl ? undefined : await startPostgres({ durable: options.durable ?? true });
  const started: { stop(): Promise<void> }[] = [];
  try {
    const databaseUrl = options.databaseUrl ?? (await postgres!.createDatabase('portal'));
    const edgePort = options.port ?? (await freePort());
    const url = `http://127.0.0.1:${edgePort}`;
    const env = clusterEnv({ databaseUrl, siteUrl: url, distDir: options.distDir, env: options.env });
    prepareClusterData(env);

    const instances: ClusterInstance[] = [];
    for (let index = 1; index <= options.instances; index++) {
      const port = await freePort();
      const logFile = path.join(dir, `instance-${index}.log`);
      let child: ChildProcess | null = null;
      const instance: ClusterInstance = {
        index,
        port,
        url: `http://127.0.0.1:${port}`,
        logFile,
        pid: () => child?.pid,
        async start() {
          const out = fs.openSync(logFile, 'a');
          child = startProductionServer({ ...env, PORT: String(port) }, ['ignore', out, out], options.node);
          fs.closeSync(out);
          await waitForServer(`http://127.0.0.1:${port}/api/health`, child);
        },
        async kill(signal = 'SIGTERM') {
          const running = child;
          child = null;
          if (!running || running.exitCode !== null || running.signalCode !== null) return;
          if (signal === 'SIGTERM') return stopProcess(running);
          await new Promise<void>((resolve) => {
            running.once('exit', () => resolve());
            running.kill(signal);
          });
        },
      };
      instances.push(instance);
      started.push({ stop: () => instance.kill() });
    }
    // Started together, as an operator's service manager would: they migrate and warm up at once.
    await Promise.all(instances.map((instance) => instance.start()));
    const edge = await startEdge({ port: edgePort, upstreamPort: instances.map((i) => i.port), cacheDir: path.join(dir, 'edge-cache') });
    return {
      url,
      databaseUrl,
      instances,
      postgres,
      edge,
      env,
      dir,
      async stop() {
        await edge.stop();
        await Promise.all(instances.map((instance) => instance.kill()));
        await postgres?.remove();
        if (!options.dir) fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await Promise.all(started.map((s) => s.stop()));
    await postgres?.remove();
    throw error;
  }
}
