/**
 * npm run edge -- [--port 8080] [--upstream 3000[,3001,…]] [--cache-dir DIR]
 *   runs the edge cache (ops/nginx/edge.conf) in front of a server on 127.0.0.1:UPSTREAM (or
 *   several instances) until Ctrl-C; the cache starts empty unless --cache-dir names an existing one.
 * npm run --silent edge -- --print [--port 80] [--upstream 127.0.0.1:3000[,10.0.0.12:3000,…]] [--cache-dir DIR]
 *   prints the configuration for /etc/nginx/conf.d/ instead.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { renderEdgeConfig, startEdge } from './lib/edge';
import { onStopSignal } from './lib/local-server';

const USAGE = 'usage: npm run edge -- [--port 8080] [--upstream 3000[,3001,…]] [--cache-dir DIR] [--print]';

function portNumber(value: string, name: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`--${name} must be a port number (${USAGE})`);
  return port;
}

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8080' },
      upstream: { type: 'string', default: '3000' },
      'cache-dir': { type: 'string' },
      print: { type: 'boolean', default: false },
    },
  });
  if (values.print) {
    const upstream = values.upstream
      .split(',')
      .map((entry) => (/^\d+$/.test(entry) ? `127.0.0.1:${entry}` : entry))
      .join(',');
    const cacheDir = values['cache-dir'] ?? '/var/cache/nginx/portal';
    process.stdout.write(renderEdgeConfig({ listen: values.port, upstream, cacheDir }));
    return;
  }
  const cacheDir = values['cache-dir'] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'portal-edge-cache-'));
  const edge = await startEdge({
    port: portNumber(values.port, 'port'),
    upstreamPort: values.upstream.split(',').map((entry) => portNumber(entry, 'upstream')),
    cacheDir,
  });
  console.log(`edge cache on ${edge.url} → http://127.0.0.1:${values.upstream} (cache in ${cacheDir}, config in ${edge.dir})`);
  onStopSignal(async () => {
    await edge.stop();
    if (!values['cache-dir']) fs.rmSync(cacheDir, { recursive: true, force: true });
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
