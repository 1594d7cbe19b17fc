import type { ArticleRecord } from '../content/article-write';
import { noteContentWrite, type Db } from './connection';
import { statement } from './statements';

export interface ChannelRecord {
  slug: string;
  position: number;
  name: { en: string; zh: string };
  description: { en: string; zh: string };
}

export interface AuthorRecord {
  slug: string;
  name: { en: string; zh: string };
  bio: { en: string; zh: string };
}

export function upsertChannel(db: Db, channel: ChannelRecord): void {
  statement(
    db,
    `INSERT INTO channels (slug, position, name_en, name_zh, description_en, description_zh)
     VALUES (@slug, @position, @nameEn, @nameZh, @descriptionEn, @descriptionZh)
     ON CONFLICT (slug) DO UPDATE SET position = excluded.position, name_en = excluded.name_en,
       name_zh = excluded.name_zh, description_en = excluded.description_en,
       description_zh = excluded.description_zh`,
  ).run({
    slug: channel.slug,
    position: channel.position,
    nameEn: channel.name.en,
    nameZh: channel.name.zh,
    descriptionEn: channel.description.en,
    descriptionZh: channel.description.zh,
  });
}

export function upsertAuthor(db: Db, author: AuthorRecord): void {
  statement(
    db,
    `INSERT INTO authors (slug, name_en, name_zh, bio_en, bio_zh)
     VALUES (@slug, @nameEn, @nameZh, @bioEn, @bioZh)
     ON CONFLICT (slug) DO UPDATE SET name_en = excluded.name_en, name_zh = excluded.name_zh,
       bio_en = excluded.bio_en, bio_zh = excluded.bio_zh`,
  ).run({
    slug: author.slug,
    nameEn: author.name.en,
    nameZh: author.name.zh,
    bioEn: author.bio.en,
    bioZh: author.bio.zh,
  });
}

/** An author matched by name in either language, created (under the record's slug) when new. */
function authorIdFor(db: Db, author: { name: string; slug: string }): number {
  const found = statement(db, `SELECT id FROM authors WHERE name_en = ? OR name_zh = ? LIMIT 1`).get(
    author.name,
    author.name,
  ) as { id: number } | undefined;
  if (found) return found.id;
  const result = statement(
    db,
    `INSERT INTO authors (slug, name_en, name_zh) VALUES (?, ?, ?)`,
  ).run(author.slug, author.name, author.name);
  return Number(result.lastInsertRowid);
}

/** A tag of a locale by slug, created when new (an existing tag keeps its first name). */
function tagIdFor(db: Db, locale: string, tag: { name: string; slug: string }): number {
  const row = statement(
    db,
    `INSERT INTO tags (locale, slug, name) VALUES (?, ?, ?)
     ON CONFLICT (locale, slug) DO UPDATE SET name = name RETURNING id`,
  ).get(locale, tag.slug, tag.name) as { id: number };
  return row.id;
}

export interface UpsertResult {
  id: number;
  created: boolean;
  previousSlug: string | null;
}

/**
 * Creates or replaces an article by its newsroom id. Runs in one transaction: authors, tags,
 * translation group and slug history change together or not at all. Callers go through
 * lib/content/article-write.ts (saveArticle), which shapes the record.
 */
export function upsertArticle(db: Db, input: ArticleRecord, nowMs = Date.now()): UpsertResult {
  const result = db.transaction((): UpsertResult => {
    const existing = statement(
      db,
      `SELECT id, slug, locale, translation_group FROM articles WHERE external_id = ?`,
    ).get(input.id) as { id: number; slug: string; locale: string; translation_group: string } | undefined;

    let group = existing?.translation_group ?? input.id;
    if (input.translationOf) {
      const other = statement(db, `SELECT translation_group FROM articles WHERE external_id = ?`).get(
        input.translationOf,
      ) as { translation_group: string } | undefined;
      group = other?.translation_group ?? input.translationOf;
    }

    const values = {
      externalId: input.id,
      locale: input.locale,
      channel: input.section,
      slug: input.slug,
      headline: input.headline,
      series: input.series ?? null,
      summary: input.summary,
      bodyHtml: input.bodyHtml,
      imageSrc: input.image?.src ?? null,
      imageAlt: input.image?.alt ?? '',
      imageCaption: input.image?.caption ?? '',
      imageCredit: input.image?.credit ?? '',
      imageWidth: input.image?.width ?? null,
      imageHeight: input.image?.height ?? null,
      publishedAt: input.publishedAt,
      publishedMs: Date.parse(input.publishedAt),
      updatedAt: input.updatedAt ?? null,
      updatedMs: input.updatedAt ? Date.parse(input.updatedAt) : null,
      status: input.status,
      group,
      now: nowMs,
    };

    let id: number;
    if (existing) {
      id = existing.id;
      statement(
        db,
        `UPDATE articles SET locale = @locale, channel = @channel, slug = @slug, headline = @headline,
           series = @series, summary = @summary, body_html = @bodyHtml, image_src = @imageSrc,
           image_alt = @imageAlt, image_caption = @imageCaption, image_credit = @imageCredit,
           image_width = @imageWidth, image_height = @imageHeight, published_at = @publishedAt,
           published_ms = @publishedMs, updated_at = @updatedAt, updated_ms = @updatedMs,
           status = @status, translation_group = @group, modified_ms = @now
         WHERE id = @id`,
      ).run({ ...values, id });
      if (existing.slug !== input.slug || existing.locale !== input.locale) {
        statement(
          db,
          `INSERT INTO article_slug_history (locale, slug, article_id) VALUES (?, ?, ?)
           ON CONFLICT (locale, slug) DO UPDATE SET article_id = excluded.article_id`,
        ).run(existing.locale, existing.slug, id);
      }
      statement(db, `DELETE FROM article_authors WHERE article_id = ?`).run(id);
      statement(db, `DELETE FROM article_tags WHERE article_id = ?`).run(id);
    } else {
      const result = statement(
        db,
        `INSERT INTO articles (external_id, locale, channel, slug, headline, series, summary, body_html,
           image_src, image_alt, image_caption, image_credit, image_width, image_height,
           published_at, published_ms, updated_at, updated_ms, status, translation_group,
           created_ms, modified_ms)
         VALUES (@externalId, @locale, @channel, @slug, @headline, @series, @summary, @bodyHtml,
           @imageSrc, @imageAlt, @imageCaption, @imageCredit, @imageWidth, @imageHeight,
           @publishedAt, @publishedMs, @updatedAt, @updatedMs, @status, @group, @now, @now)`,
      ).run(values);
      id = Number(result.lastInsertRowid);
    }
    // A slug now in use is no longer a redirect.
    statement(db, `DELETE FROM article_slug_history WHERE locale = ? AND slug = ?`).run(
      input.locale,
      input.slug,
    );

    input.authors.forEach((author, position) => {
      statement(
        db,
        `INSERT OR IGNORE INTO article_authors (article_id, author_id, position) VALUES (?, ?, ?)`,
      ).run(id, authorIdFor(db, author), position);
    });
    input.tags.forEach((tag, position) => {
      statement(
        db,
        `INSERT OR IGNORE INTO article_tags (article_id, tag_id, position) VALUES (?, ?, ?)`,
      ).run(id, tagIdFor(db, input.locale, tag), position);
    });

    return {
      id,
      created: !existing,
      previousSlug: existing && existing.slug !== input.slug ? existing.slug : null,
    };
  })();
  noteContentWrite();
  return result;
}

/** Changes an article's status by its newsroom id; false when there is no such article. */
export function setArticleStatus(db: Db, externalId: string, status: 'published' | 'draft' | 'withdrawn', nowMs = Date.now()): boolean {
  const result = statement(db, `UPDATE articles SET status = ?, modified_ms = ? WHERE external_id = ?`).run(status, nowMs, externalId);
  if (result.changes > 0) noteContentWrite();
  return result.changes > 0;
}

export function countArticles(db: Db): number {
  return (statement(db, `SELECT COUNT(*) AS n FROM articles`).get() as { n: number }).n;
}
