import type { FeedItem, SitemapArticle } from '../content/types';
import type { Locale } from '../i18n/locales';
import { isReadable, SUMMARY_SELECTION, toSummary } from './content-read';
import { sql } from 'kysely';
import type { Database } from './database';
import { indexedBy, joinInOrder } from './engine';

/*
 * Read queries for machines: sitemaps, the news sitemap and RSS feeds. Like every list query,
 * they see only published articles whose time has come (isReadable).
 *
 * Each query walks an index in the order it returns rows: no full scan of `articles` and no
 * sort of its rows (tests/unit/query-plans.test.ts checks the plans on both engines).
 * Sitemaps page through a locale in id order with a keyset (`id > afterId`), so a request
 * never holds a cursor open and an old chunk keeps its articles when new ones arrive.
 */

/**
 * The languages the schema has columns for (name_en, name_zh, …), listed as lib/i18n lists
 * them. Written out here because lib/db takes only types from the domain; as a Record over
 * Locale it stops compiling when lib/i18n gains or loses a language.
 */
const SCHEMA_LOCALES: Record<Locale, true> = { en: true, zh: true };
const schemaLocales = Object.keys(SCHEMA_LOCALES) as Locale[];

/** A locale's readable articles, for the sitemap queries (on the articles table aliased `a`). */
function readableInLocale(db: Database, locale: Locale, now: number) {
  return db.selectFrom('articles as a').where('a.locale', '=', locale).where(isReadable(now));
}

export interface ChunkStats {
  count: number;
  lastId: number | null;
  lastModifiedMs: number | null;
}

/** How many articles a chunk starting after afterId holds, where it ends, when it last changed. */
export async function selectChunkStats(
  db: Database,
  params: { locale: Locale; now: number; afterId: number; limit: number },
): Promise<ChunkStats> {
  const chunk = readableInLocale(db, params.locale, params.now)
    .select(['a.id', 'a.published_ms', 'a.updated_ms'])
    .where('a.id', '>', params.afterId)
    .orderBy('a.id')
    .limit(params.limit)
    .as('chunk');
  const row = await db
    .selectFrom(chunk)
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn.max('chunk.id').as('last_id'),
      eb.fn.max(eb.fn.coalesce('chunk.updated_ms', 'chunk.published_ms')).as('lastmod_ms'),
    ])
    .executeTakeFirstOrThrow();
  return { count: row.n, lastId: row.last_id ?? null, lastModifiedMs: row.lastmod_ms ?? null };
}

/** The id at a 0-based position in a locale's published articles in id order. */
export async function selectIdAtPosition(
  db: Database,
  params: { locale: Locale; now: number; offset: number },
): Promise<number | null> {
  const row = await readableInLocale(db, params.locale, params.now)
    .select('a.id')
    .orderBy('a.id')
    // Written out: told it stops at one row, SQLite walks articles_by_locale_id in id order; with
    // LIMIT ? it would rather read the locale by date and sort it.
    .limit(sql.lit(1))
    .offset(params.offset)
    .executeTakeFirst();
  return row?.id ?? null;
}

/**
 * One batch of a sitemap chunk with the published translation of each article. A story has
 * one version per language, so the join adds at most one row; repeats are dropped anyway.
 * Without statistics SQLite would look translations up through articles_by_locale (a range
 * per row): indexedBy keeps it on the translation group.
 */
export async function selectSitemapBatch(
  db: Database,
  params: { locale: Locale; other: Locale; now: number; afterId: number; untilId: number; limit: number },
): Promise<SitemapArticle[]> {
  const rows = await readableInLocale(db, params.locale, params.now)
    .leftJoin(indexedBy(db, 'articles', 't', 'articles_by_translation'), (join) =>
      join
        .onRef('t.translation_group', '=', 'a.translation_group')
        .on('t.locale', '=', params.other)
        .on(isReadable(params.now, 't')),
    )
    .select((eb) => [
      'a.id',
      'a.locale',
      'a.channel',
      'a.slug',
      eb.fn.coalesce('a.updated_at', 'a.published_at').as('lastmod'),
      't.locale as t_locale',
      't.channel as t_channel',
      't.slug as t_slug',
    ])
    .where('a.id', '>', params.afterId)
    .where('a.id', '<=', params.untilId)
    .orderBy('a.id')
    .limit(params.limit)
    .execute();
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
        row.t_locale && row.t_channel && row.t_slug ? { locale: row.t_locale, channel: row.t_channel, slug: row.t_slug } : null,
    });
  }
  return articles;
}

/** The newest article of a locale: when its home page last changed. */
export async function selectNewestInLocale(db: Database, params: { locale: Locale; now: number }): Promise<number | null> {
  const row = await readableInLocale(db, params.locale, params.now)
    .select('a.published_ms')
    .orderBy('a.published_ms', 'desc')
    .orderBy('a.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.published_ms ?? null;
}

/** Every channel with the time of its newest article in a locale. */
export async function selectChannelsWithNewest(
  db: Database,
  params: { locale: Locale; now: number },
): Promise<{ slug: string; newestMs: number | null }[]> {
  const rows = await db
    .selectFrom('channels as c')
    .select((eb) => [
      'c.slug',
      readableInLocale(db, params.locale, params.now)
        .select('a.published_ms')
        .where('a.channel', '=', eb.ref('c.slug'))
        .orderBy('a.published_ms', 'desc')
        .orderBy('a.id', 'desc')
        .limit(1)
        .as('newest_ms'),
    ])
    .orderBy('c.slug')
    .execute();
  return rows.map((row) => ({ slug: row.slug, newestMs: row.newest_ms ?? null }));
}

/**
 * Authors with at least one published article, and in which languages (one column each).
 * joinInOrder fixes the order on SQLite: from the author's articles to each article, not the reverse.
 */
export async function selectAuthorsWithArticles(db: Database, now: number): Promise<{ slug: string; locales: Locale[] }[]> {
  const rows = await db
    .selectFrom('authors as au')
    .select((eb) => [
      'au.slug',
      ...schemaLocales.map((locale) =>
        eb
          .exists(
            eb
              .selectFrom('article_authors as aa')
              .$call((qb) => joinInOrder(db, qb, 'articles as a', 'a.id', 'aa.article_id'))
              .select(eb.lit(1).as('one'))
              .whereRef('aa.author_id', '=', 'au.id')
              .where('a.locale', '=', locale)
              .where(isReadable(now)),
          )
          .as(locale),
      ),
    ])
    .orderBy('au.slug')
    .execute();
  return (
    rows
      // EXISTS is 1 or 0 on SQLite, true or false on PostgreSQL.
      .map((row) => ({ slug: row.slug, locales: schemaLocales.filter((locale) => Boolean(row[locale])) }))
      .filter((author) => author.locales.length > 0)
  );
}

/** A locale's articles published since `since` (exclusive), newest first. */
export async function selectPublishedSince(db: Database, params: { locale: Locale; now: number; since: number; limit: number }) {
  const rows = await readableInLocale(db, params.locale, params.now)
    .select(SUMMARY_SELECTION)
    .where('a.published_ms', '>', params.since)
    .orderBy('a.published_ms', 'desc')
    .orderBy('a.id', 'desc')
    .limit(params.limit)
    .execute();
  return rows.map(toSummary);
}

/** The newest articles of a locale, or of one of its channels, with their channel's name and authors. */
export async function selectFeedItems(
  db: Database,
  params: { locale: Locale; channel?: string; now: number; limit: number },
): Promise<FeedItem[]> {
  const { locale, channel, now, limit } = params;
  const rows = await readableInLocale(db, locale, now)
    .select((eb) => [
      ...SUMMARY_SELECTION,
      'a.external_id',
      // The locale names the column: a closed set, so the name is safe to build.
      eb.selectFrom('channels as c').select(`c.name_${locale}`).whereRef('c.slug', '=', 'a.channel').as('channel_name'),
    ])
    .$if(channel !== undefined, (qb) => qb.where('a.channel', '=', channel!))
    .orderBy('a.published_ms', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute();
  const authors = await selectAuthorNames(
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

/**
 * Author names per article, in byline order: one query for the whole list (the ids as an IN
 * list: at most a feed's length, so a bounded number of statements to prepare).
 */
async function selectAuthorNames(db: Database, locale: Locale, articleIds: number[]): Promise<Map<number, string[]>> {
  const byArticle = new Map<number, string[]>();
  if (articleIds.length === 0) return byArticle;
  const rows = await db
    .selectFrom('article_authors as aa')
    .innerJoin('authors as au', 'au.id', 'aa.author_id')
    .select(['aa.article_id', 'aa.position', `au.name_${locale} as name`])
    .where('aa.article_id', 'in', articleIds)
    .execute();
  rows.sort((a, b) => a.article_id - b.article_id || a.position - b.position);
  for (const row of rows) {
    const names = byArticle.get(row.article_id) ?? [];
    names.push(row.name);
    byArticle.set(row.article_id, names);
  }
  return byArticle;
}
