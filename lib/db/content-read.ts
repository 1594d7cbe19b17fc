import type { Locale } from '../i18n/locales';
import type { Article, ArticleRef, ArticleSummary, Author, Channel, Tag } from '../content/types';
import type { Db } from './connection';
import type { Database } from './database';
import { statement } from './statements';

/*
 * Read queries of the content model. Every list query is served by one of the indexes of
 * migration 1 (articles_by_channel, articles_by_locale); tests check the query plans.
 * Only published articles whose time has come (published_ms <= now) are ever listed.
 */

/** The columns named as in the domain type, then the lead picture and times flattened. */
export interface SummaryRow extends Pick<ArticleSummary, 'id' | 'locale' | 'channel' | 'slug' | 'headline' | 'series' | 'summary'> {
  image_src: string | null;
  image_alt: string;
  image_caption: string;
  image_credit: string;
  image_width: number | null;
  image_height: number | null;
  published_at: string;
  updated_at: string | null;
}

export const SUMMARY_COLUMNS = `a.id, a.locale, a.channel, a.slug, a.headline, a.series, a.summary,
  a.image_src, a.image_alt, a.image_caption, a.image_credit, a.image_width, a.image_height,
  a.published_at, a.updated_at`;

/** SUMMARY_COLUMNS for the query builder, on the articles table aliased `a`. */
export const SUMMARY_SELECTION = [
  'a.id',
  'a.locale',
  'a.channel',
  'a.slug',
  'a.headline',
  'a.series',
  'a.summary',
  'a.image_src',
  'a.image_alt',
  'a.image_caption',
  'a.image_credit',
  'a.image_width',
  'a.image_height',
  'a.published_at',
  'a.updated_at',
] as const;

export function toSummary(row: SummaryRow): ArticleSummary {
  return {
    id: row.id,
    locale: row.locale,
    channel: row.channel,
    slug: row.slug,
    headline: row.headline,
    series: row.series,
    summary: row.summary,
    image:
      row.image_src && row.image_width && row.image_height
        ? {
            src: row.image_src,
            alt: row.image_alt,
            caption: row.image_caption,
            credit: row.image_credit,
            width: row.image_width,
            height: row.image_height,
          }
        : null,
    publishedAt: row.published_at,
    updatedAt: row.updated_at,
  };
}

export function selectChannels(db: Db, locale: Locale): Channel[] {
  return statement(
    db,
    `SELECT slug, position, name_${locale} AS name, description_${locale} AS description
       FROM channels ORDER BY position, slug`,
  ).all() as Channel[];
}

export function selectChannel(db: Db, locale: Locale, slug: string): Channel | null {
  const row = statement(
    db,
    `SELECT slug, position, name_${locale} AS name, description_${locale} AS description
       FROM channels WHERE slug = ?`,
  ).get(slug) as Channel | undefined;
  return row ?? null;
}

export function countChannelArticles(db: Db, locale: Locale, channel: string, now: number): number {
  const row = statement(
    db,
    `SELECT COUNT(*) AS n FROM articles
      WHERE locale = ? AND channel = ? AND status = 'published' AND published_ms <= ?`,
  ).get(locale, channel, now) as { n: number };
  return row.n;
}

export function selectChannelArticles(
  db: Db,
  params: { locale: Locale; channel: string; now: number; limit: number; offset: number },
): ArticleSummary[] {
  const rows = statement(
    db,
    `SELECT ${SUMMARY_COLUMNS} FROM articles a
      WHERE a.locale = ? AND a.channel = ? AND a.status = 'published' AND a.published_ms <= ?
      ORDER BY a.published_ms DESC, a.id DESC
      LIMIT ? OFFSET ?`,
  ).all(params.locale, params.channel, params.now, params.limit, params.offset) as SummaryRow[];
  return rows.map(toSummary);
}

export function selectLatestArticles(
  db: Db,
  params: { locale: Locale; now: number; limit: number; offset?: number },
): ArticleSummary[] {
  const rows = statement(
    db,
    `SELECT ${SUMMARY_COLUMNS} FROM articles a
      WHERE a.locale = ? AND a.status = 'published' AND a.published_ms <= ?
      ORDER BY a.published_ms DESC, a.id DESC
      LIMIT ? OFFSET ?`,
  ).all(params.locale, params.now, params.limit, params.offset ?? 0) as SummaryRow[];
  return rows.map(toSummary);
}

/** The article with a newsroom id, whatever its status (the ingest API's GET). */
export async function selectArticleByExternalId(db: Database, externalId: string): Promise<Article | null> {
  const row = await db.selectFrom('articles').select(['locale', 'slug']).where('external_id', '=', externalId).executeTakeFirst();
  return row ? selectArticleBySlug(db, row.locale, row.slug) : null;
}

/** The article at a locale and slug, whatever its status; the caller decides what to show. */
export async function selectArticleBySlug(db: Database, locale: Locale, slug: string): Promise<Article | null> {
  const row = await db
    .selectFrom('articles as a')
    .select([...SUMMARY_SELECTION, 'a.external_id', 'a.body_html', 'a.status', 'a.translation_group'])
    .where('a.locale', '=', locale)
    .where('a.slug', '=', slug)
    .executeTakeFirst();
  if (!row) return null;
  const [authors, tags] = await Promise.all([selectArticleAuthors(db, locale, row.id), selectArticleTags(db, row.id)]);
  return {
    ...toSummary(row),
    externalId: row.external_id,
    bodyHtml: row.body_html,
    status: row.status,
    translationGroup: row.translation_group,
    authors,
    tags,
  };
}

async function selectArticleAuthors(db: Database, locale: Locale, articleId: number): Promise<Author[]> {
  return db
    .selectFrom('article_authors as aa')
    .innerJoin('authors as au', 'au.id', 'aa.author_id')
    .select(['au.slug', `au.name_${locale} as name`, `au.bio_${locale} as bio`])
    .where('aa.article_id', '=', articleId)
    .orderBy('aa.position')
    .execute();
}

async function selectArticleTags(db: Database, articleId: number): Promise<Tag[]> {
  return db
    .selectFrom('article_tags as at')
    .innerJoin('tags as t', 't.id', 'at.tag_id')
    .select(['t.slug', 't.name'])
    .where('at.article_id', '=', articleId)
    .orderBy('at.position')
    .execute();
}

/** An article of a translation group, by address. */
export interface GroupArticle {
  externalId: string;
  locale: Locale;
  channel: string;
  slug: string;
}

/** Every version of a story, whatever its status (at most one per language: migration 5). */
export async function selectTranslationGroup(db: Database, group: string): Promise<GroupArticle[]> {
  return db
    .selectFrom('articles')
    .select(['external_id as externalId', 'locale', 'channel', 'slug'])
    .where('translation_group', '=', group)
    .execute();
}

/** The published version of the same story in another language, if there is one. */
export function selectTranslation(
  db: Db,
  params: { group: string; locale: Locale; now: number },
): ArticleRef | null {
  const row = statement(
    db,
    // Without statistics SQLite prefers articles_by_locale here and scans a whole locale.
    `SELECT locale, channel, slug FROM articles INDEXED BY articles_by_translation
      WHERE translation_group = ? AND locale = ? AND status = 'published' AND published_ms <= ?
      LIMIT 1`,
  ).get(params.group, params.locale, params.now) as ArticleRef | undefined;
  return row ?? null;
}

/** An author by slug, with their name and biography in one locale. */
export function selectAuthor(db: Db, locale: Locale, slug: string): (Author & { id: number }) | null {
  const row = statement(
    db,
    `SELECT id, slug, name_${locale} AS name, bio_${locale} AS bio FROM authors WHERE slug = ?`,
  ).get(slug) as (Author & { id: number }) | undefined;
  return row ?? null;
}

/*
 * An author's articles in one locale. article_authors is walked through its author index and
 * the few hundred rows of one author are sorted in memory (a temp B-tree): bounded by one
 * author's output, and the pages are cached. CROSS JOIN fixes that order: without statistics
 * SQLite would rather walk every article of the locale and probe article_authors for each
 * (tests/unit/query-plans.test.ts).
 */
export function countAuthorArticles(db: Db, params: { authorId: number; locale: Locale; now: number }): number {
  const row = statement(
    db,
    `SELECT COUNT(*) AS n FROM article_authors aa CROSS JOIN articles a ON a.id = aa.article_id
      WHERE aa.author_id = ? AND a.locale = ? AND a.status = 'published' AND a.published_ms <= ?`,
  ).get(params.authorId, params.locale, params.now) as { n: number };
  return row.n;
}

export function selectAuthorArticles(
  db: Db,
  params: { authorId: number; locale: Locale; now: number; limit: number; offset: number },
): ArticleSummary[] {
  const rows = statement(
    db,
    `SELECT ${SUMMARY_COLUMNS} FROM article_authors aa CROSS JOIN articles a ON a.id = aa.article_id
      WHERE aa.author_id = ? AND a.locale = ? AND a.status = 'published' AND a.published_ms <= ?
      ORDER BY a.published_ms DESC, a.id DESC
      LIMIT ? OFFSET ?`,
  ).all(params.authorId, params.locale, params.now, params.limit, params.offset) as SummaryRow[];
  return rows.map(toSummary);
}

/**
 * Where an old slug of a locale leads now: the article's current address, if it is readable.
 * Slugs are kept in article_slug_history whenever an article is renamed.
 */
export function selectSlugRedirect(db: Db, locale: Locale, slug: string, now: number): ArticleRef | null {
  const row = statement(
    db,
    `SELECT a.locale, a.channel, a.slug FROM article_slug_history h JOIN articles a ON a.id = h.article_id
      WHERE h.locale = ? AND h.slug = ? AND a.status = 'published' AND a.published_ms <= ?`,
  ).get(locale, slug, now) as ArticleRef | undefined;
  return row ?? null;
}

/** What the proxy needs to know about an article address (a unique-index probe). */
export interface ArticleAddressRow {
  status: Article['status'];
  publishedMs: number;
  channel: string;
  slug: string;
}

/**
 * The article at a locale and slug, or, for an old slug of a renamed article, the article it
 * leads to now (`renamed: true`).
 */
export function selectArticleAddress(
  db: Db,
  locale: Locale,
  slug: string,
): (ArticleAddressRow & { renamed: boolean }) | null {
  const row = statement(
    db,
    `SELECT status, published_ms AS publishedMs, channel, slug FROM articles WHERE locale = ? AND slug = ?`,
  ).get(locale, slug) as ArticleAddressRow | undefined;
  if (row) return { ...row, renamed: false };
  const target = statement(
    db,
    `SELECT a.status, a.published_ms AS publishedMs, a.channel, a.slug
       FROM article_slug_history h JOIN articles a ON a.id = h.article_id
      WHERE h.locale = ? AND h.slug = ? AND a.locale = h.locale`,
  ).get(locale, slug) as ArticleAddressRow | undefined;
  return target ? { ...target, renamed: true } : null;
}

/** When an author's first article in a locale was published (null: none published). */
export function selectAuthorFirstPublished(db: Db, locale: Locale, slug: string): number | null {
  const row = statement(
    db,
    // CROSS JOIN: from the author to their articles, never through every article of the locale.
    `SELECT MIN(a.published_ms) AS first FROM authors au
       CROSS JOIN article_authors aa ON aa.author_id = au.id
       CROSS JOIN articles a ON a.id = aa.article_id
      WHERE au.slug = ? AND a.locale = ? AND a.status = 'published'`,
  ).get(slug, locale) as { first: number | null };
  return row.first;
}

/** Articles whose publication time fell in (from, to]: scheduled articles coming due. */
export function selectArticlesDue(
  db: Db,
  fromMs: number,
  toMs: number,
): { locale: Locale; channel: string; slug: string; authors: string | null }[] {
  return statement(
    db,
    // Marked: the query log's readers tell this timer's work from work done for a request.
    `/* background */ SELECT a.locale, a.channel, a.slug,
            (SELECT group_concat(au.slug) FROM article_authors aa JOIN authors au ON au.id = aa.author_id
              WHERE aa.article_id = a.id) AS authors
       FROM articles a INDEXED BY articles_by_locale
      WHERE a.locale IN ('en', 'zh') AND a.status = 'published' AND a.published_ms > ? AND a.published_ms <= ?`,
  ).all(fromMs, toMs) as { locale: Locale; channel: string; slug: string; authors: string | null }[];
}

/** Changes when another connection (another process) commits a change to the database. */
export function selectDataVersion(db: Db): number {
  return db.pragma('data_version', { simple: true }) as number;
}

/** A recent slice of published articles, for prerendering at build time. */
export function selectRecentRefs(db: Db, locale: Locale, now: number, limit: number): ArticleRef[] {
  return statement(
    db,
    `SELECT locale, channel, slug FROM articles
      WHERE locale = ? AND status = 'published' AND published_ms <= ?
      ORDER BY published_ms DESC, id DESC LIMIT ?`,
  ).all(locale, now, limit) as ArticleRef[];
}
