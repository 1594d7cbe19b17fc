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

/**
 * An author matched by name in either language, created (under the record's slug) when new.
 * The slug is derived from the name, so an author found by it was first met under this name and
 * renamed since (authors.json): the same person, and inserting it again would break its unique slug.
 */
function authorIdFor(db: Db, author: { name: string; slug: string }): number {
  const found = statement(
    db,
    `SELECT id FROM authors WHERE name_en = @name OR name_zh = @name OR slug = @slug LIMIT 1`,
  ).get(author) as { id: number } | undefined;
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
  /** Newsroom ids of the articles that left this article's translation group (replaceTranslation). */
  detached: string[];
}

export interface UpsertOptions {
  /**
   * Pair the article even where that breaks up a stored pair: the other version of its language
   * in the new group, and the versions it leaves behind, each move into a group of their own.
   */
  replaceTranslation?: boolean;
}

/**
 * The article contradicts what is stored; nothing was written (the transaction rolled back).
 * `field` is the input field to change: `slug`, `translationOf`, `locale` or `id`.
 */
export class ArticleConflictError extends Error {
  constructor(
    readonly field: 'slug' | 'translationOf' | 'locale' | 'id',
    message: string,
  ) {
    super(message);
    this.name = 'ArticleConflictError';
  }
}

interface GroupMember {
  external_id: string;
  locale: string;
}

/**
 * Which translation group the article joins, after checking the unique keys it can meet:
 * (locale, slug), and one version per language in a group. Throws ArticleConflictError.
 */
function checkedGroup(
  db: Db,
  input: ArticleRecord,
  existing: { locale: string; translation_group: string } | undefined,
  options: UpsertOptions,
): { group: string; detach: string[] } {
  const slugOwner = statement(
    db,
    `SELECT external_id FROM articles WHERE locale = ? AND slug = ? AND external_id <> ?`,
  ).get(input.locale, input.slug, input.id) as { external_id: string } | undefined;
  if (slugOwner) {
    throw new ArticleConflictError('slug', `the ${input.locale} slug ${input.slug} belongs to article ${slugOwner.external_id}`);
  }

  // A translation joins its original's group; an original not stored yet names the group, so
  // it joins when it arrives (its own id is then its group: files and feeds may come in any order).
  let group = existing?.translation_group ?? input.id;
  if (input.translationOf) {
    const other = statement(db, `SELECT translation_group FROM articles WHERE external_id = ?`).get(
      input.translationOf,
    ) as { translation_group: string } | undefined;
    group = other?.translation_group ?? input.translationOf;
  }
  const members = (id: string) =>
    statement(db, `SELECT external_id, locale FROM articles WHERE translation_group = ? AND external_id <> ?`).all(
      id,
      input.id,
    ) as GroupMember[];
  const sameLanguage = members(group).filter((member) => member.locale === input.locale);
  // Moving to another group leaves the old partner without its pair: that is a replacement too.
  const leftBehind = existing && existing.translation_group !== group ? members(existing.translation_group) : [];
  const displaced = [...sameLanguage, ...leftBehind];
  if (displaced.length > 0 && !options.replaceTranslation) {
    const field = input.translationOf ? 'translationOf' : existing ? 'locale' : 'id';
    const message = sameLanguage.length
      ? `article ${sameLanguage[0]!.external_id} is already the ${input.locale} version of this story`
      : `this article is already paired with article ${leftBehind[0]!.external_id}`;
    throw new ArticleConflictError(field, `${message} (send replaceTranslation: true to pair anyway)`);
  }
  return { group, detach: displaced.map((member) => member.external_id) };
}

/**
 * Creates or replaces an article by its newsroom id. Runs in one transaction: authors, tags,
 * translation group and slug history change together or not at all; a conflict with another
 * article (ArticleConflictError) writes nothing. A slug another article had before and left
 * (slug history) may be taken: the old address then serves the new article, not a redirect. Callers go through
 * lib/content/article-write.ts (saveArticle), which shapes the record.
 */
export function upsertArticle(db: Db, input: ArticleRecord, nowMs = Date.now(), options: UpsertOptions = {}): UpsertResult {
  const write = db.transaction((): UpsertResult => {
    const existing = statement(
      db,
      `SELECT id, slug, locale, translation_group FROM articles WHERE external_id = ?`,
    ).get(input.id) as { id: number; slug: string; locale: string; translation_group: string } | undefined;

    const { group, detach } = checkedGroup(db, input, existing, options);
    for (const externalId of detach) {
      statement(db, `UPDATE articles SET translation_group = external_id, modified_ms = ? WHERE external_id = ?`).run(
        nowMs,
        externalId,
      );
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
      detached: detach,
    };
  });
  let result: UpsertResult;
  try {
    // IMMEDIATE: the checks and the write hold the write lock together, so another process
    // cannot take the slug in between (inside an outer transaction this is a savepoint).
    result = write.immediate();
  } catch (error) {
    throw uniqueKeyConflict(error) ?? error;
  }
  noteContentWrite();
  return result;
}

/** The unique indexes an article can meet, should one be hit despite the checks above. */
function uniqueKeyConflict(error: unknown): ArticleConflictError | null {
  if (!(error instanceof Error) || (error as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE') return null;
  if (error.message.includes('articles.slug')) return new ArticleConflictError('slug', 'the slug belongs to another article');
  if (error.message.includes('articles.translation_group')) {
    return new ArticleConflictError('translationOf', 'the story already has a version in this language');
  }
  return null;
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
