import crypto from 'node:crypto';
import { env } from '../env';

/*
 * The Content-Security-Policy of every page (issue #7, docs/decisions/0010).
 *
 * Pages are static and cached, so a per-request nonce is out (Next.js would render every page
 * on every request). Instead each HTML response lists the SHA-256 hashes of exactly the inline
 * scripts it carries (Next.js's bootstrap and its RSC payload), computed from the finished
 * document by the production server (server/main.ts). The same document always gets the same
 * header, so a CDN can cache both together.
 */

/** Types a browser runs as script; anything else (`application/ld+json`) is a data block. */
const SCRIPT_TYPES = new Set(['', 'text/javascript', 'application/javascript', 'module']);
const SCRIPT_ELEMENT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const ATTRIBUTE = /([^\s"'=<>`/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function attributes(source: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of source.matchAll(ATTRIBUTE)) {
    found.set(match[1]!.toLowerCase(), match[2] ?? match[3] ?? match[4] ?? '');
  }
  return found;
}

/** `'sha256-…'` source expressions for every inline script in the document, in order, without repeats. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributeSource, body] of html.matchAll(SCRIPT_ELEMENT)) {
    const attrs = attributes(attributeSource!);
    if (attrs.has('src')) continue;
    if (!SCRIPT_TYPES.has((attrs.get('type') ?? '').trim().toLowerCase())) continue;
    const digest = crypto.createHash('sha256').update(body!, 'utf8').digest('base64');
    hashes.add(`'sha256-${digest}'`);
  }
  return [...hashes];
}

export interface PagePolicyOptions {
  /** From inlineScriptHashes(). */
  scriptHashes: readonly string[];
  /** Served over https: ask browsers to upgrade any plain-http subresource. */
  https: boolean;
  /** Hosts whose https pictures a page may show (default IMAGE_REMOTE_HOSTS). */
  imageHosts?: readonly string[];
}

/**
 * The policy of an HTML document. No 'unsafe-eval' and no 'unsafe-inline' for scripts: only the
 * site's own script files and the hashed inline scripts run. Inline `style` attributes (React
 * and next/image set a few) are allowed; they cannot run code. Pictures come from the site
 * (next/image's optimizer included), `data:` (calls no host; next/image's placeholders) and only the hosts
 * of IMAGE_REMOTE_HOSTS, whose https pictures article bodies may keep (lib/ingest/pictures.ts):
 * a picture from any other host, a tracking pixel, is refused by the browser too.
 */
export function pagePolicy({ scriptHashes, https, imageHosts = env.IMAGE_REMOTE_HOSTS }: PagePolicyOptions): string {
  const directives = [
    "default-src 'self'",
    ["script-src 'self'", ...scriptHashes].join(' '),
    "style-src 'self' 'unsafe-inline'",
    ["img-src 'self' data:", ...imageHosts.map((host) => `https://${host}`)].join(' '),
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'self'",
    "manifest-src 'self'",
  ];
  if (https) directives.push('upgrade-insecure-requests');
  return directives.join('; ');
}

/**
 * Everything that is not a document (JSON, feeds, pictures, scripts): nothing in it may run,
 * load or be framed if a browser ever renders it.
 */
export const RESOURCE_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
