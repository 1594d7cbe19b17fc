import type { FeedItem, SitemapArticle } from '../content/types';
import type { Locale } from '../i18n/locales';
import type { Db } from './connection';
import { SUMMARY_COLUMNS, type SummaryRow, toSummary } from './content-read';
import { statement } from './statements';

/*
 * Read queries for machines: sitemaps, the news sitemap and RSS feeds. Like every list query,
 * they see only published articles whose time has come (published_ms <= now).
 *
 * Each query walks an index in the order it returns rows: no full scan of `articles` and no
 * temporary B-tree (tests/unit/syndication.test.ts checks the plans of SYNDICATION_SQL).
 * Sitemaps page through a locale in id order with a keyset (`id > @afterId`), so a request
 * never holds a cursor open and an old chunk keeps its articles when new ones arrive.
 */

const PUBLISHED = `a.status = 'published' AND a.published_ms <= @now`;

/**
 * The languages the schema has columns for (name_en, name_zh, …), listed as lib/i18n lists
 * them. Written out here because lib/db takes only types from the domain; as a Record over
 * Locale it stops compiling when lib/i18n gains or loses a language.
 */
const SCHEMA_LOCALES: Record<Locale, true> = { en: true, zh: true };
const schemaLocales = Object.keys(SCHEMA_LOCALES) as Locale[];

/** The channel's name in a locale; locales are a closed set, so the column name is safe to build. */
const channelName = (locale: Locale) => `(SELECT c.name_${locale} FROM channels c WHERE c.slug = a.channel)`;

export const SYNDICATION_SQL = {
  /** How many articles a chunk starting after @afterId holds, where it ends, when it last changed. */
  chunkStats: `
    SELECT COUNT(*) AS n, MAX(id) AS last_id, MAX(COALESCE(updated_ms, published_ms)) AS lastmod_ms
      FROM (SELECT a.id, a.published_ms, a.updated_ms FROM articles a
             WHERE a.locale = @locale AND ${PUBLISHED} AND a.id > @afterId
             ORDER BY a.id LIMIT @limit)`,
  /** The id at a 0-based position in a locale's published articles in id order. */
  idAtPosition: `
    SELECT a.id FROM articles a
     WHERE a.locale = @locale AND ${PUBLISHED}
     ORDER BY a.id LIMIT 1 OFFSET @offset`,
  /**
   * One batch of a sitemap chunk with the published translation of each article. A story has
   * one version per language, so the join adds at most one row; callers drop repeats anyway.
   * Without statistics SQLite would look translations up through articles_by_locale (a range
   * per row): INDEXED BY keeps it on the translation group.
   */
  sitemapBatch: `
    SELECT a.id, a.locale, a.channel, a.slug, COALESCE(a.updated_at, a.published_at) AS lastmod,
           t.locale AS t_locale, t.channel AS t_channel, t.slug AS t_slug
      FROM articles a
      LEFT JOIN articles t INDEXED BY articles_by_translation
        ON t.translation_group = a.translation_group AND t.locale = @other
       AND t.status = 'published' AND t.published_ms <= @now
     WHERE a.locale = @locale AND ${PUBLISHED} AND a.id > @afterId AND a.id <= @untilId
     ORDER BY a.id LIMIT @limit`,
  /** The newest article of a locale: when its home page last changed. */
  newestInLocale: `
    SELECT a.published_ms FROM articles a
     WHERE a.locale = @locale AND ${PUBLISHED}
     ORDER BY a.published_ms DESC, a.id DESC LIMIT 1`,
  /** Every channel with the time of its newest article in a locale. */
  channelsWithNewest: `
    SELECT c.slug,
           (SELECT a.published_ms FROM articles a
             WHERE a.locale = @locale AND a.channel = c.slug AND ${PUBLISHED}
             ORDER BY a.published_ms DESC, a.id DESC LIMIT 1) AS newest_ms
      FROM channels c ORDER BY c.slug`,
  /**
   * Authors with at least one published article, and in which languages (one column each).
   * CROSS JOIN fixes the order: from the author's articles to each article, not the reverse.
   */
  authorsWithArticles: `
    SELECT au.slug, ${schemaLocales
      .map(
        (locale) => `EXISTS (SELECT 1 FROM article_authors aa CROSS JOIN articles a ON a.id = aa.article_id
                    WHERE aa.author_id = au.id AND a.locale = '${locale}' AND ${PUBLISHED}) AS ${locale}`,
      )
      .join(', ')}
      FROM authors au ORDER BY au.slug`,
  /** A locale's articles published since @since (exclusive), newest first. */
  publishedSince: `
    SELECT ${SUMMARY_COLUMNS} FROM articles a
     WHERE a.locale = @locale AND ${PUBLISHED} AND a.published_ms > @since
     ORDER BY a.published_ms DESC, a.id DESC LIMIT @limit`,
  feedOfLocale: (locale: Locale) => `
    SELECT ${SUMMARY_COLUMNS}, a.external_id, ${channelName(locale)} AS channel_name FROM articles a
     WHERE a.locale = @locale AND ${PUBLISHED}
     ORDER BY a.published_ms DESC, a.id DESC LIMIT @limit`,
  feedOfChannel: (locale: Locale) => `
    SELECT ${SUMMARY_COLUMNS}, a.external_id, ${channelName(locale)} AS channel_name FROM articles a
     WHERE a.locale = @locale AND a.channel = @channel AND ${PUBLISHED}
     ORDER BY a.published_ms DESC, a.id DESC LIMIT @limit`,
  /** The authors of a set of articles (ids as a JSON array); sorted by position in code. */
  authorsOfArticles: (locale: Locale) => `
    SELECT aa.article_id, aa.position, au.name_${locale} AS name
      FROM json_each(@ids) j
      JOIN article_authors aa ON aa.article_id = j.value
      JOIN authors au ON au.id = aa.author_id`,
};

export interface ChunkStats {
  count: number;
  lastId: number | null;
  lastModifiedMs: number | null;
}

export function selectChunkStats(
  db: Db,
  params: { locale: Locale; now: number; afterId: number; limit: number },
): ChunkStats {
  const row = statement(db, SYNDICATION_SQL.chunkStats).get(params) as {
    n: number;
    last_id: number | null;
    lastmod_ms: number | null;
  };
  return { count: row.n, lastId: row.last_id, lastModifiedMs: row.lastmod_ms };
}

export function selectIdAtPosition(db: Db, params: { locale: Locale; now: number; offset: number }): number | null {
  const row = statement(db, SYNDICATION_SQL.idAtPosition).get(params) as { id: number } | undefined;
  return row?.id ?? null;
}

interface SitemapRow {
  id: number;
  locale: Locale;
  channel: string;
  slug: string;
  lastmod: string;
  t_locale: Locale | null;
  t_channel: string | null;
  t_slug: string | null;
}

export function selectSitemapBatch(
  db: Db,
  params: { locale: Locale; other: Locale; now: number; afterId: number; untilId: number; limit: number },
): SitemapArticle[] {
  const rows = statement(db, SYNDICATION_SQL.sitemapBatch).all(params) as SitemapRow[];
  const articles: SitemapArticle[] = [];
  for (const row of rows) {
    if (articles.at(-1)?.id === row.id) continue;
    articles.push({
      id: row.id,
      locale: row.locale,
      channel: row.channel,
      slug: row.slug,
      lastModified: row.lastmod,
      translation:
        row.t_locale && row.t_channel && row.t_slug
          ? { locale: row.t_locale, channel: row.t_channel, slug: row.t_slug }
          : null,
    });
  }
  return articles;
}

export function selectNewestInLocale(db: Db, params: { locale: Locale; now: number }): number | null {
  const row = statement(db, SYNDICATION_SQL.newestInLocale).get(params) as { published_ms: number } | undefined;
  return row?.published_ms ?? null;
}

export function selectChannelsWithNewest(
  db: Db,
  params: { locale: Locale; now: number },
): { slug: string; newestMs: number | null }[] {
  const rows = statement(db, SYNDICATION_SQL.channelsWithNewest).all(params) as {
    slug: string;
    newest_ms: number | null;
  }[];
  return rows.map((row) => ({ slug: row.slug, newestMs: row.newest_ms }));
}

export function selectAuthorsWithArticles(db: Db, now: number): { slug: string; locales: Locale[] }[] {
  const rows = statement(db, SYNDICATION_SQL.authorsWithArticles).all({ now }) as ({ slug: string } & Record<
    Locale,
    number
  >)[];
  return rows
    .map((row) => ({ slug: row.slug, locales: schemaLocales.filter((locale) => row[locale] === 1) }))
    .filter((author) => author.locales.length > 0);
}

export function selectPublishedSince(
  db: Db,
  params: { locale: Locale; now: number; since: number; limit: number },
) {
  return (statement(db, SYNDICATION_SQL.publishedSince).all(params) as SummaryRow[]).map(toSummary);
}

interface FeedRow extends SummaryRow {
  external_id: string;
  channel_name: string | null;
}

export function selectFeedItems(
  db: Db,
  params: { locale: Locale; channel?: string; now: number; limit: number },
): FeedItem[] {
  const { locale, channel, now, limit } = params;
  const rows = (
    channel === undefined
      ? statement(db, SYNDICATION_SQL.feedOfLocale(locale)).all({ locale, now, limit })
      : statement(db, SYNDICATION_SQL.feedOfChannel(locale)).all({ locale, channel, now, limit })
  ) as FeedRow[];
  const authors = selectAuthorNames(
    db,
    locale,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    ...toSummary(row),
    externalId: row.external_id,
    channelName: row.channel_name ?? row.channel,
    authors: authors.get(row.id) ?? [],
  }));
}

/** Author names per article, in byline order: one query for the whole list. */
function selectAuthorNames(db: Db, locale: Locale, articleIds: number[]): Map<number, string[]> {
  const byArticle = new Map<number, string[]>();
  if (articleIds.length === 0) return byArticle;
  const rows = statement(db, SYNDICATION_SQL.authorsOfArticles(locale)).all({
    ids: JSON.stringify(articleIds),
  }) as { article_id: number; position: number; name: string }[];
  rows.sort((a, b) => a.article_id - b.article_id || a.position - b.position);
  for (const row of rows) {
    const names = byArticle.get(row.article_id) ?? [];
    names.push(row.name);
    byArticle.set(row.article_id, names);
  }
  return byArticle;
}
