import { unstable_cache } from 'next/cache';
import { site } from '../site';

/*
 * Feeds and the small sitemaps are built from the database once and kept in Next.js's data
 * cache under tags; a content change expires exactly the tags it touches
 * (lib/ingest/refresh.ts), so the next request rebuilds them. (Caching the whole route
 * handler with `force-static` could not be refreshed on demand in Next.js 16.4:
 * docs/decisions/0003.)
 */

export const syndicationTags = {
  localeFeed: (locale: string) => `feed:${locale}`,
  channelFeed: (locale: string, channel: string) => `feed:${locale}:${channel}`,
  sitemaps: 'sitemaps',
  /** Every feed and sitemap (an import may have changed anything). */
  all: 'syndication',
} as const;

export function cachedDocument(
  key: string[],
  tags: string[],
  revalidateSeconds: number,
  build: () => string | Promise<string>,
): Promise<string> {
  // The data cache outlives a restart and a rebuild: documents full of absolute URLs are keyed
  // by the site address they were built for.
  return unstable_cache(async () => build(), ['syndication', site.url, ...key], {
    tags: [...tags, syndicationTags.all],
    revalidate: revalidateSeconds,
  })();
}
