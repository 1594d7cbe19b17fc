import type { Locale } from '../i18n/locales';
import type { Article, ArticleRef, ArticleSummary, Author, Channel, Tag } from '../content/types';
import type { Db } from './connection';
import { statement } from './statements';

/*
 * Read queries of the content model. Every list query is served by one of the indexes of
 * migration 1 (articles_by_channel, articles_by_locale); tests check the query plans.
 * Only published articles whose time has come (published_ms <= now) are ever listed.
 */

export interface SummaryRow {
  id: number;
  locale: Locale;
  channel: string;
  slug: string;
  headline: string;
  series: string | null;
  summary: string;
  image_src: string | null;
  image_alt: string;
  image_caption: string;
  image_credit: string;
  image_width: number | null;
  image_height: number | null;
  published_at: string;
  updated_at: string | null;
}

interface ArticleRow extends SummaryRow {
  external_id: string;
  body_html: string;
  status: Article['status'];
  translation_group: string;
}

export const SUMMARY_COLUMNS = `a.id, a.locale, a.channel, a.slug, a.headline, a.series, a.summary,
  a.image_src, a.image_alt, a.image_caption, a.image_credit, a.image_width, a.image_height,
  a.published_at, a.updated_at`;

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

/** The article at a locale and slug, whatever its status; the caller decides what to show. */
export function selectArticleBySlug(db: Db, locale: Locale, slug: string): Article | null {
  const row = statement(
    db,
    `SELECT ${SUMMARY_COLUMNS}, a.external_id, a.body_html, a.status, a.translation_group
       FROM articles a WHERE a.locale = ? AND a.slug = ?`,
  ).get(locale, slug) as ArticleRow | undefined;
  if (!row) return null;
  return {
    ...toSummary(row),
    externalId: row.external_id,
    bodyHtml: row.body_html,
    status: row.status,
    translationGroup: row.translation_group,
    authors: selectArticleAuthors(db, locale, row.id),
    tags: selectArticleTags(db, row.id),
  };
}

function selectArticleAuthors(db: Db, locale: Locale, articleId: number): Author[] {
  return statement(
    db,
    `SELECT au.slug, au.name_${locale} AS name, au.bio_${locale} AS bio
       FROM article_authors aa JOIN authors au ON au.id = aa.author_id
      WHERE aa.article_id = ? ORDER BY aa.position`,
  ).all(articleId) as Author[];
}

function selectArticleTags(db: Db, articleId: number): Tag[] {
  return statement(
    db,
    `SELECT t.slug, t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id
      WHERE at.article_id = ? ORDER BY at.position`,
  ).all(articleId) as Tag[];
}

/** The published version of the same story in another language, if there is one. */
export function selectTranslation(
  db: Db,
  params: { group: string; locale: Locale; now: number },
): ArticleRef | null {
  const row = statement(
    db,
    `SELECT locale, channel, slug FROM articles
      WHERE translation_group = ? AND locale = ? AND status = 'published' AND published_ms <= ?
      LIMIT 1`,
  ).get(params.group, params.locale, params.now) as ArticleRef | undefined;
  return row ?? null;
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
