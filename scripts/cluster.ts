/**
 * npm run cluster -- [--instances 3] [--port 8080] [--dist .next-cluster] [--no-build]
 *   starts, on this machine, a throwaway PostgreSQL (unless DATABASE_URL names one), the demo
 *   content in it, several instances of one production build on their own ports, and the nginx
 *   edge in front of them; prints where each is, and stops everything on Ctrl-C or SIGTERM.
 *   Every instance gets this command's environment (INGEST_TOKEN, SMTP_URL, …) plus the shared
 *   database, address and secrets (APP_SECRET and NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: given,
 *   or made up for the run).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildIfNeeded } from './build-if-needed';
import { clusterEnv, prepareClusterData, startCluster } from './lib/cluster';
import { freePort, onStopSignal } from './lib/local-server';
import { startPostgres } from './lib/postgres-server';

const USAGE = 'usage: npm run cluster -- [--instances 3] [--port 8080] [--dist .next-cluster] [--no-build]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      instances: { type: 'string', default: '3' },
      port: { type: 'string' },
      dist: { type: 'string', default: '.next-cluster' },
      'no-build': { type: 'boolean', default: false },
    },
  });
  const instances = Number(values.instances);
  if (!Number.isInteger(instances) || instances < 1 || instances > 32) throw new Error(`--instances must be 1 to 32 (${USAGE})`);
  const port = values.port ? Number(values.port) : await freePort();
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`--port must be a port number (${USAGE})`);
  process.env.NEXT_TELEMETRY_DISABLED = '1';

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-cluster-'));
  // The database first: the build prerenders pages from it.
  const postgres = process.env.DATABASE_URL ? undefined : await startPostgres({ durable: true });
  const databaseUrl = process.env.DATABASE_URL ?? (await postgres!.createDatabase('portal'));
  const env = clusterEnv({ databaseUrl, siteUrl: `http://127.0.0.1:${port}`, distDir: values.dist });
  // One build, one deployment id: a browser holding pages of an older build reloads fully.
  env.NEXT_DEPLOYMENT_ID ??= `cluster-${Date.now().toString(36)}`;
  prepareClusterData(env);
  if (!values['no-build']) buildIfNeeded(env, 'cluster');

  const cluster = await startCluster({ instances, distDir: values.dist, databaseUrl, port, env, dir });
  console.log(`cluster: ${cluster.url}`);
  for (const instance of cluster.instances) console.log(`instance ${instance.index}: ${instance.url} pid ${instance.pid()}`);
  console.log(`(database ${databaseUrl.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')}; logs in ${dir}; Ctrl-C stops everything)`);

  onStopSignal(async () => {
    await cluster.stop();
    await postgres?.remove();
    fs.rmSync(dir, { recursive: true, force: true });
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
