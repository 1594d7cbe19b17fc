import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/*
 * The hook for an edge cache in front of the server (issue 8, part 2). When
 * scripts/lib/edge.ts exists and exports `startEdge`, the benchmark measures the same pages
 * through it; until then it says the edge was not measured.
 */

export interface EdgeCache {
  /** Base URL of the cache, e.g. http://127.0.0.1:8080 */
  url: string;
  stop(): Promise<void>;
}

export type StartEdge = (options: { port: number; upstreamPort: number; cacheDir: string }) => Promise<EdgeCache>;

export const EDGE_MODULE = path.join('scripts', 'lib', 'edge.ts');

export async function loadStartEdge(root: string): Promise<StartEdge | null> {
  const file = path.join(root, EDGE_MODULE);
  if (!fs.existsSync(file)) return null;
  // A computed specifier: the module may not exist in this checkout, and must not break type checking then.
  const module = (await import(pathToFileURL(file).href)) as { startEdge?: StartEdge };
  return typeof module.startEdge === 'function' ? module.startEdge : null;
}
