import type { Locale } from '../i18n/locales';
import type { Article, ArticleRef, ArticleSummary, Author, Channel, Tag } from '../content/types';
import { type Expression, expressionBuilder, type SqlBool, sql } from 'kysely';
import { type Database, engineOf } from './database';
import { groupConcat, indexedBy, joinInOrder } from './engine';
import type { ArticlesTable } from './schema';

/*
 * Read queries of the content model, the same on both engines. Every list query is served by
 * one of the indexes of migration 1 (articles_by_channel, articles_by_locale); tests check the
 * query plans on both. Only published articles whose time has come (published_ms <= now,
 * isReadable) are ever listed.
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

/** The columns of a SummaryRow, on the articles table aliased `a`. */
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

/** Published and due: the only articles a reader sees (on the articles table aliased `a`, or `t`). */
export function isReadable(now: number, alias: 'a' | 't' = 'a'): Expression<SqlBool> {
  const eb = expressionBuilder<Record<'a' | 't', ArticlesTable>, 'a' | 't'>();
  return eb.and([eb(`${alias}.status`, '=', 'published'), eb(`${alias}.published_ms`, '<=', now)]);
}

export async function selectChannels(db: Database, locale: Locale): Promise<Channel[]> {
  return db
    .selectFrom('channels')
    .select(['slug', 'position', `name_${locale} as name`, `description_${locale} as description`])
    .orderBy('position')
    .orderBy('slug')
    .execute();
}

export async function selectChannel(db: Database, locale: Locale, slug: string): Promise<Channel | null> {
  const row = await db
    .selectFrom('channels')
    .select(['slug', 'position', `name_${locale} as name`, `description_${locale} as description`])
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row ?? null;
}

export async function countChannelArticles(db: Database, locale: Locale, channel: string, now: number): Promise<number> {
  const row = await db
    .selectFrom('articles as a')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('a.locale', '=', locale)
    .where('a.channel', '=', channel)
    .where(isReadable(now))
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function selectChannelArticles(
  db: Database,
  params: { locale: Locale; channel: string; now: number; limit: number; offset: number },
): Promise<ArticleSummary[]> {
  const rows = await db
    .selectFrom('articles as a')
    .select(SUMMARY_SELECTION)
    .where('a.locale', '=', params.locale)
    .where('a.channel', '=', params.channel)
    .where(isReadable(params.now))
    .orderBy('a.published_ms', 'desc')
    .orderBy('a.id', 'desc')
    .limit(params.limit)
    .offset(params.offset)
    .execute();
  return rows.map(toSummary);
}

export async function selectLatestArticles(
  db: Database,
  params: { locale: Locale; now: number; limit: number; offset?: number },
): Promise<ArticleSummary[]> {
  const rows = await db
    .selectFrom('articles as a')
    .select(SUMMARY_SELECTION)
    .where('a.locale', '=', params.locale)
    .where(isReadable(params.now))
    .orderBy('a.published_ms', 'desc')
    .orderBy('a.id', 'desc')
    .limit(params.limit)
    .offset(params.offset ?? 0)
    .execute();
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
export async function selectTranslation(
  db: Database,
  params: { group: string; locale: Locale; now: number },
): Promise<ArticleRef | null> {
  const row = await db
    // Without statistics SQLite prefers articles_by_locale here and scans a whole locale.
    .selectFrom(indexedBy(db, 'articles', 'a', 'articles_by_translation'))
    .select(['a.locale', 'a.channel', 'a.slug'])
    .where('a.translation_group', '=', params.group)
    .where('a.locale', '=', params.locale)
    .where(isReadable(params.now))
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}

/** An author by slug, with their name and biography in one locale. */
export async function selectAuthor(db: Database, locale: Locale, slug: string): Promise<(Author & { id: number }) | null> {
  const row = await db
    .selectFrom('authors')
    .select(['id', 'slug', `name_${locale} as name`, `bio_${locale} as bio`])
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row ?? null;
}

/*
 * An author's articles in one locale. article_authors is walked through its author index and
 * the few hundred rows of one author are sorted in memory (a temp B-tree): bounded by one
 * author's output, and the pages are cached. joinInOrder fixes that order on SQLite: without
 * statistics it would rather walk every article of the locale and probe article_authors for
 * each (tests/unit/query-plans.test.ts).
 */
function authorArticles(db: Database, params: { authorId: number; locale: Locale; now: number }) {
  return db
    .selectFrom('article_authors as aa')
    .$call((qb) => joinInOrder(db, qb, 'articles as a', 'a.id', 'aa.article_id'))
    .where('aa.author_id', '=', params.authorId)
    .where('a.locale', '=', params.locale)
    .where(isReadable(params.now));
}

export async function countAuthorArticles(db: Database, params: { authorId: number; locale: Locale; now: number }): Promise<number> {
  const row = await authorArticles(db, params)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function selectAuthorArticles(
  db: Database,
  params: { authorId: number; locale: Locale; now: number; limit: number; offset: number },
): Promise<ArticleSummary[]> {
  const rows = await authorArticles(db, params)
    .select(SUMMARY_SELECTION)
    .orderBy('a.published_ms', 'desc')
    .orderBy('a.id', 'desc')
    .limit(params.limit)
    .offset(params.offset)
    .execute();
  return rows.map(toSummary);
}

/**
 * Where an old slug of a locale leads now: the article's current address, if it is readable.
 * Slugs are kept in article_slug_history whenever an article is renamed.
 */
export async function selectSlugRedirect(db: Database, locale: Locale, slug: string, now: number): Promise<ArticleRef | null> {
  const row = await db
    .selectFrom('article_slug_history as h')
    .innerJoin('articles as a', 'a.id', 'h.article_id')
    .select(['a.locale', 'a.channel', 'a.slug'])
    .where('h.locale', '=', locale)
    .where('h.slug', '=', slug)
    .where(isReadable(now))
    .executeTakeFirst();
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
export async function selectArticleAddress(
  db: Database,
  locale: Locale,
  slug: string,
): Promise<(ArticleAddressRow & { renamed: boolean }) | null> {
  const row = await db
    .selectFrom('articles as a')
    .select(['a.status', 'a.published_ms as publishedMs', 'a.channel', 'a.slug'])
    .where('a.locale', '=', locale)
    .where('a.slug', '=', slug)
    .executeTakeFirst();
  if (row) return { ...row, renamed: false };
  const target = await db
    .selectFrom('article_slug_history as h')
    .innerJoin('articles as a', 'a.id', 'h.article_id')
    .select(['a.status', 'a.published_ms as publishedMs', 'a.channel', 'a.slug'])
    .where('h.locale', '=', locale)
    .where('h.slug', '=', slug)
    .whereRef('a.locale', '=', 'h.locale')
    .executeTakeFirst();
  return target ? { ...target, renamed: true } : null;
}

/** When an author's first article in a locale was published (null: none published). */
export async function selectAuthorFirstPublished(db: Database, locale: Locale, slug: string): Promise<number | null> {
  const row = await db
    // In order: from the author to their articles, never through every article of the locale.
    .selectFrom('authors as au')
    .$call((qb) => joinInOrder(db, qb, 'article_authors as aa', 'aa.author_id', 'au.id'))
    .$call((qb) => joinInOrder(db, qb, 'articles as a', 'a.id', 'aa.article_id'))
    .select((eb) => eb.fn.min('a.published_ms').as('first'))
    .where('au.slug', '=', slug)
    .where('a.locale', '=', locale)
    .where('a.status', '=', 'published')
    .executeTakeFirstOrThrow();
  return row.first ?? null;
}

/** Articles whose publication time fell in (from, to]: scheduled articles coming due. */
export async function selectArticlesDue(
  db: Database,
  fromMs: number,
  toMs: number,
): Promise<{ locale: Locale; channel: string; slug: string; publishedMs: number; authors: string | null }[]> {
  return (
    db
      .selectFrom(indexedBy(db, 'articles', 'a', 'articles_by_locale'))
      // Marked: the query log's readers tell this timer's work from work done for a request.
      .modifyFront(sql`/* background */`)
      .select((eb) => [
        'a.locale',
        'a.channel',
        'a.slug',
        'a.published_ms as publishedMs',
        eb
          .selectFrom('article_authors as aa')
          .innerJoin('authors as au', 'au.id', 'aa.author_id')
          .select((sub) => groupConcat(db, sub.ref('au.slug')).as('slugs'))
          .whereRef('aa.article_id', '=', 'a.id')
          .as('authors'),
      ])
      .where('a.locale', 'in', ['en', 'zh'])
      .where('a.status', '=', 'published')
      .where('a.published_ms', '>', fromMs)
      .where('a.published_ms', '<=', toMs)
      .execute()
  );
}

/**
 * Changes when another process commits a change to the content behind this process's back;
 * route-check.ts forgets its answers when it does.
 * - SQLite: PRAGMA data_version, which moves on every commit made through another connection
 *   (a shell's `npm run content`, a second server on the same file).
 * - PostgreSQL: nothing to read. Every write records a row in content_changes, and each instance
 *   applies the rows it has not seen once a second (lib/ingest/changes.ts), which moves this
 *   process's write generation (noteContentWrite) as surely as its own writes do. A probe of the
 *   server's statistics here was a second, slower path to the same news (up to ten seconds late).
 */
export async function selectDataVersion(db: Database): Promise<number> {
  if (engineOf(db) !== 'sqlite') return 0;
  const { rows } = await sql<{ data_version: number }>`PRAGMA data_version`.execute(db);
  return rows[0]!.data_version;
}

/** A recent slice of published articles, for prerendering at build time. */
export async function selectRecentRefs(db: Database, locale: Locale, now: number, limit: number): Promise<ArticleRef[]> {
  return db
    .selectFrom('articles as a')
    .select(['a.locale', 'a.channel', 'a.slug'])
    .where('a.locale', '=', locale)
    .where(isReadable(now))
    .orderBy('a.published_ms', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute();
}
