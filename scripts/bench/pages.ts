import { CONSENT_COOKIE, formatConsent, POLICY_VERSION } from '../../lib/consent/cookie';
import type { Target } from './load';

/*
 * The pages a reader or a crawler asks for most, found through the site's own public answers
 * (the "Load more" JSON and the sitemap index), so the benchmark follows the content at any
 * size. The list holds paths only: the same pages can be measured against another base URL
 * (an edge cache in front of the server).
 */

export interface PagePaths {
  home: string;
  channel: string;
  /** The channel's last page: the deepest OFFSET a list query sees. */
  deepChannel: string;
  deepPage: number;
  /** An archive article from the deep page: not prerendered, rendered on its first request, then cached. */
  article: string;
  feed: string;
  /** The last article sitemap file of the locale (the deepest part of the archive). */
  sitemapChunk: string;
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await response.json()) as T;
}

interface ChannelPage {
  items: { slug: string; channel: string }[];
  totalPages: number;
}

export async function discoverPages(baseUrl: string, locale: string, channel: string): Promise<PagePaths> {
  const listUrl = (page: number) => `${baseUrl}/api/channels/${channel}/articles?locale=${locale}&page=${page}`;
  const first = await getJson<ChannelPage>(listUrl(1));
  const deepPage = first.totalPages;
  const deep = await getJson<ChannelPage>(listUrl(deepPage));
  const article = deep.items[0];
  if (!article) throw new Error(`the last page of ${channel} (${deepPage}) has no articles`);

  const index = await (await fetch(`${baseUrl}/sitemap.xml`)).text();
  const chunks = [...index.matchAll(new RegExp(`/sitemaps/${locale}/articles-(\\d+)\\.xml`, 'g'))].map((m) => Number(m[1]));
  if (chunks.length === 0) throw new Error(`the sitemap index lists no article sitemaps for ${locale}`);

  return {
    home: `/${locale}`,
    channel: `/${locale}/${channel}`,
    deepChannel: deepPage > 1 ? `/${locale}/${channel}?page=${deepPage}` : `/${locale}/${channel}`,
    deepPage,
    article: `/${locale}/${article.channel}/${article.slug}`,
    feed: `/${locale}/feed.xml`,
    sitemapChunk: `/sitemaps/${locale}/articles-${Math.max(...chunks)}.xml`,
  };
}

/** A consent cookie holding a current choice (statistics refused): the proxy serves the variant without the banner. */
export function consentCookieHeader(now = Date.now()): string {
  return `${CONSENT_COOKIE}=${formatConsent({ version: POLICY_VERSION, statistics: false, decidedAt: now })}`;
}

/**
 * The page targets. Pages are asked for without a cookie (the variant with the banner, what a
 * first visit and every crawler get), the home page also with a consent cookie (the other
 * variant). No Accept-Encoding: the bytes are the same as the references' (uncompressed).
 */
export function pageTargets(paths: PagePaths): Target[] {
  const page = (name: string, path: string, cachedPage: boolean, headers?: Record<string, string>): Target => ({
    name,
    path,
    cachedPage,
    headers,
    request: `GET ${path}${headers?.cookie ? ' (consent cookie)' : ''}`,
  });
  return [
    page('home', paths.home, true),
    page('home, consent cookie', paths.home, true, { cookie: consentCookieHeader() }),
    page('channel', paths.channel, true),
    page(`channel page ${paths.deepPage}`, paths.deepChannel, true),
    page('article (archive)', paths.article, true),
    page('feed', paths.feed, true),
    // Streams from the database on every request by design (decision 0003): not a cached page.
    page('sitemap chunk', paths.sitemapChunk, false),
  ];
}

/**
 * Every article path the sitemaps list, in both languages, but `except` (the cached article):
 * for the uncached-article target, which asks for each one once.
 */
export async function sitemapArticles(baseUrl: string, except: string): Promise<string[]> {
  const index = await (await fetch(`${baseUrl}/sitemap.xml`)).text();
  const files = [...new Set([...index.matchAll(/\/sitemaps\/[a-z]+\/articles-\d+\.xml/g)].map((m) => m[0]))];
  const paths: string[] = [];
  for (const file of files) {
    const xml = await (await fetch(`${baseUrl}${file}`)).text();
    for (const match of xml.matchAll(/<loc>([^<]+)<\/loc>/g)) {
      const pathname = new URL(match[1]!).pathname;
      if (pathname !== except) paths.push(pathname);
    }
  }
  return paths;
}

/**
 * An article page that is not in the cache yet: each request asks for another archive article
 * (rendered from the database, then stored), so it measures rendering, not the cache. Only the
 * newest 24 per language are prerendered by the build; the rest render on their first request.
 * `issued()` tells how many were asked for: beyond `paths.length` they repeat (and hit the cache).
 * At most 10 connections: rendering takes the CPU, more connections only queue (with 50 on a
 * loaded two-core machine, no render finished within a 5 s run).
 */
export function uncachedArticleTarget(paths: string[]): { target: Target; issued: () => number } {
  if (paths.length === 0) throw new Error('no archive articles for the uncached-article target');
  let issued = 0;
  const target: Target = {
    name: 'article (uncached)',
    request: `GET a different archive article each time (${paths.length} in the sitemaps), 10 connections at most`,
    maxConnections: 10,
    path: paths[0]!,
    cachedPage: false,
    setupRequest: (request) => ({ ...request, method: 'GET', path: paths[issued++ % paths.length]! }),
  };
  return { target, issued: () => issued };
}
