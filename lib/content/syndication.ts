import { getDatabase } from '../db/database';
import {
  selectAuthorsWithArticles,
  selectChannelsWithNewest,
  selectChunkStats,
  selectFeedItems,
  selectIdAtPosition,
  selectNewestInLocale,
  selectPublishedSince,
  selectSitemapBatch,
} from '../db/syndication-read';
import { type Locale, locales, otherLocale } from '../i18n/locales';
import { isSlug } from '../routing/rules';
import type { ArticleSummary, FeedItem, SitemapArticle } from './types';

/*
 * What sitemaps and feeds list, as typed objects (lib/seo turns them into XML).
 * Only published articles whose time has come are ever listed.
 */

/** URLs per article sitemap file: well under the protocol's 50,000, so a file stays small. */
export const ARTICLES_PER_SITEMAP = 10_000;
/** Rows per query while a sitemap file streams out. */
export const SITEMAP_BATCH_SIZE = 1_000;
/** Items in an RSS feed. */
export const FEED_SIZE = 50;
/** Google News takes articles of the last two days, at most 1,000 per sitemap. */
export const NEWS_WINDOW_MS = 48 * 3_600_000;
export const NEWS_SITEMAP_LIMIT = 1_000;

/** One file of a locale's article sitemap: the articles with afterId < id <= lastId. */
export interface ArticleSitemapFile {
  number: number;
  afterId: number;
  lastId: number;
  count: number;
  lastModifiedMs: number;
}

/** The id range of one article sitemap file; `untilId` is inclusive. */
export interface ArticleSitemapRange {
  afterId: number;
  untilId: number;
}

interface SitemapOptions {
  now?: number;
  perFile?: number;
}

/**
 * The article sitemap files of a locale: its published articles in id order, cut every
 * `perFile` articles. Ids only grow, so new articles land in the last file and the earlier
 * files keep their contents (a withdrawn article shifts the later ones by one). No files
 * when there are no articles: an empty <urlset> is not valid.
 */
export async function planArticleSitemaps(locale: Locale, options: SitemapOptions = {}): Promise<ArticleSitemapFile[]> {
  const now = options.now ?? Date.now();
  const perFile = options.perFile ?? ARTICLES_PER_SITEMAP;
  const db = await getDatabase();
  const files: ArticleSitemapFile[] = [];
  let afterId = 0;
  for (let number = 1; ; number++) {
    const stats = await selectChunkStats(db, { locale, now, afterId, limit: perFile });
    if (stats.count === 0 || stats.lastId === null || stats.lastModifiedMs === null) break;
    files.push({ number, afterId, lastId: stats.lastId, count: stats.count, lastModifiedMs: stats.lastModifiedMs });
    if (stats.count < perFile) break;
    afterId = stats.lastId;
  }
  return files;
}

/** The id range of file `number` (from 1), cut the same way as planArticleSitemaps; null past the end. */
export async function findArticleSitemapRange(
  locale: Locale,
  number: number,
  options: SitemapOptions = {},
): Promise<ArticleSitemapRange | null> {
  if (!Number.isSafeInteger(number) || number < 1) return null;
  const now = options.now ?? Date.now();
  const perFile = options.perFile ?? ARTICLES_PER_SITEMAP;
  const db = await getDatabase();
  const afterId = number === 1 ? 0 : await selectIdAtPosition(db, { locale, now, offset: (number - 1) * perFile - 1 });
  if (afterId === null) return null;
  const untilId = (await selectIdAtPosition(db, { locale, now, offset: number * perFile - 1 })) ?? Number.MAX_SAFE_INTEGER;
  return { afterId, untilId };
}

/** The next batch of a sitemap file after `afterId`, with each article's published translation. */
export async function readArticleSitemapBatch(
  locale: Locale,
  range: ArticleSitemapRange,
  afterId: number,
  options: { now: number; limit?: number },
): Promise<SitemapArticle[]> {
  return selectSitemapBatch(await getDatabase(), {
    locale,
    other: otherLocale(locale),
    now: options.now,
    afterId,
    untilId: range.untilId,
    limit: options.limit ?? SITEMAP_BATCH_SIZE,
  });
}

/** The newest published article of a locale (epoch ms), or null when it has none. */
export async function newestArticleTime(locale: Locale, now = Date.now()): Promise<number | null> {
  return selectNewestInLocale(await getDatabase(), { locale, now });
}

export interface PagesSitemapContent {
  /** When each channel's newest article appeared in this locale (null: none yet). */
  channels: { slug: string; newestMs: number | null }[];
  /** Authors with published articles in this locale, and every locale they write in. */
  authors: { slug: string; locales: Locale[] }[];
}

export async function getPagesSitemapContent(locale: Locale, now = Date.now()): Promise<PagesSitemapContent> {
  const db = await getDatabase();
  const [channels, authors] = await Promise.all([selectChannelsWithNewest(db, { locale, now }), selectAuthorsWithArticles(db, now)]);
  return { channels, authors: authors.filter((author) => author.locales.includes(locale)) };
}

/** Articles of every locale published in the last 48 hours, newest first, at most 1,000. */
export async function listNewsSitemapArticles(now = Date.now()): Promise<ArticleSummary[]> {
  const db = await getDatabase();
  const since = now - NEWS_WINDOW_MS;
  const time = (a: ArticleSummary) => Date.parse(a.publishedAt);
  const perLocale = await Promise.all(
    locales.map((locale) => selectPublishedSince(db, { locale, now, since, limit: NEWS_SITEMAP_LIMIT })),
  );
  return perLocale
    .flat()
    .sort((a, b) => time(b) - time(a) || b.id - a.id)
    .slice(0, NEWS_SITEMAP_LIMIT);
}

/** The newest articles of a locale, or of one of its channels, for an RSS feed. */
export async function listFeedItems(
  locale: Locale,
  options: { channel?: string; now?: number; limit?: number } = {},
): Promise<FeedItem[]> {
  const { channel } = options;
  if (channel !== undefined && !isSlug(channel)) return [];
  return selectFeedItems(await getDatabase(), {
    locale,
    channel,
    now: options.now ?? Date.now(),
    limit: options.limit ?? FEED_SIZE,
  });
}
