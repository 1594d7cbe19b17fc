import type { ArticleRecord } from '../content/article-write';
import { noteContentWrite } from './connection';
import type { Database } from './database';
import { uniqueViolation, writeTransaction } from './engine';
import { writeSearchDocument } from './search';

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

export async function upsertChannel(db: Database, channel: ChannelRecord): Promise<void> {
  const values = {
    position: channel.position,
    name_en: channel.name.en,
    name_zh: channel.name.zh,
    description_en: channel.description.en,
    description_zh: channel.description.zh,
  };
  await db
    .insertInto('channels')
    .values({ slug: channel.slug, ...values })
    .onConflict((oc) => oc.column('slug').doUpdateSet(values))
    .execute();
}

export async function upsertAuthor(db: Database, author: AuthorRecord): Promise<void> {
  const values = { name_en: author.name.en, name_zh: author.name.zh, bio_en: author.bio.en, bio_zh: author.bio.zh };
  await db
    .insertInto('authors')
    .values({ slug: author.slug, ...values })
    .onConflict((oc) => oc.column('slug').doUpdateSet(values))
    .execute();
}

/**
 * An author matched by name in either language, created (under the record's slug) when new.
 * The slug is derived from the name, so an author found by it was first met under this name and
 * renamed since (authors.json): the same person, and inserting it again would break its unique slug.
 */
async function authorIdFor(db: Database, author: { name: string; slug: string }): Promise<number> {
  const found = await db
    .selectFrom('authors')
    .select('id')
    .where((eb) => eb.or([eb('name_en', '=', author.name), eb('name_zh', '=', author.name), eb('slug', '=', author.slug)]))
    .limit(1)
    .executeTakeFirst();
  if (found) return found.id;
  const row = await db
    .insertInto('authors')
    .values({ slug: author.slug, name_en: author.name, name_zh: author.name })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A tag of a locale by slug, created when new (an existing tag keeps its first name). */
async function tagIdFor(db: Database, locale: 'en' | 'zh', tag: { name: string; slug: string }): Promise<number> {
  const row = await db
    .insertInto('tags')
    .values({ locale, slug: tag.slug, name: tag.name })
    // A no-op update, so that RETURNING gives the existing row's id too.
    .onConflict((oc) => oc.columns(['locale', 'slug']).doUpdateSet((eb) => ({ name: eb.ref('tags.name') })))
    .returning('id')
    .executeTakeFirstOrThrow();
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
  /**
   * The staff account making the change in the newsroom; left out by the ingest API and imports,
   * whose writes leave "last changed by" empty (the list says where the change came from).
   */
  staffId?: number;
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

async function groupMembers(db: Database, group: string, exceptId: string): Promise<GroupMember[]> {
  return db
    .selectFrom('articles')
    .select(['external_id', 'locale'])
    .where('translation_group', '=', group)
    .where('external_id', '<>', exceptId)
    .execute();
}

/**
 * Which translation group the article joins, after checking the unique keys it can meet:
 * (locale, slug), and one version per language in a group. Throws ArticleConflictError.
 */
async function checkedGroup(
  db: Database,
  input: ArticleRecord,
  existing: { locale: string; translation_group: string } | undefined,
  options: UpsertOptions,
): Promise<{ group: string; detach: string[] }> {
  const slugOwner = await db
    .selectFrom('articles')
    .select('external_id')
    .where('locale', '=', input.locale)
    .where('slug', '=', input.slug)
    .where('external_id', '<>', input.id)
    .executeTakeFirst();
  if (slugOwner) {
    throw new ArticleConflictError('slug', `the ${input.locale} slug ${input.slug} belongs to article ${slugOwner.external_id}`);
  }

  // A translation joins its original's group; an original not stored yet names the group, so
  // it joins when it arrives (its own id is then its group: files and feeds may come in any order).
  let group = existing?.translation_group ?? input.id;
  if (input.translationOf) {
    const other = await db
      .selectFrom('articles')
      .select('translation_group')
      .where('external_id', '=', input.translationOf)
      .executeTakeFirst();
    group = other?.translation_group ?? input.translationOf;
  }
  const sameLanguage = (await groupMembers(db, group, input.id)).filter((member) => member.locale === input.locale);
  // Moving to another group leaves the old partner without its pair: that is a replacement too.
  const leftBehind =
    existing && existing.translation_group !== group ? await groupMembers(db, existing.translation_group, input.id) : [];
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

/** Every article write takes this lock (PostgreSQL): slug and pair checks hold until the commit. */
const ARTICLES_LOCK = 'articles';

/**
 * Creates or replaces an article by its newsroom id. Runs in one transaction: authors, tags,
 * translation group and slug history change together or not at all; a conflict with another
 * article (ArticleConflictError) writes nothing. A slug another article had before and left
 * (slug history) may be taken: the old address then serves the new article, not a redirect. Callers go through
 * lib/content/article-write.ts (saveArticle), which shapes the record.
 */
export async function upsertArticle(
  db: Database,
  input: ArticleRecord,
  nowMs = Date.now(),
  options: UpsertOptions = {},
): Promise<UpsertResult> {
  let result: UpsertResult;
  try {
    // The checks and the write hold the write lock together (SQLite: BEGIN IMMEDIATE; PostgreSQL:
    // the articles advisory lock), so another process cannot take the slug in between.
    result = await writeTransaction(db, ARTICLES_LOCK, (trx) => writeArticle(trx, input, nowMs, options));
  } catch (error) {
    throw uniqueKeyConflict(error) ?? error;
  }
  noteContentWrite();
  return result;
}

async function writeArticle(db: Database, input: ArticleRecord, nowMs: number, options: UpsertOptions): Promise<UpsertResult> {
  const existing = await db
    .selectFrom('articles')
    .select(['id', 'slug', 'locale', 'translation_group'])
    .where('external_id', '=', input.id)
    .executeTakeFirst();

  const { group, detach } = await checkedGroup(db, input, existing, options);
  for (const externalId of detach) {
    await db
      .updateTable('articles')
      .set((eb) => ({ translation_group: eb.ref('external_id'), modified_ms: nowMs }))
      .where('external_id', '=', externalId)
      .execute();
  }

  const values = {
    locale: input.locale,
    channel: input.section,
    slug: input.slug,
    headline: input.headline,
    series: input.series ?? null,
    summary: input.summary,
    body_html: input.bodyHtml,
    image_src: input.image?.src ?? null,
    image_alt: input.image?.alt ?? '',
    image_caption: input.image?.caption ?? '',
    image_credit: input.image?.credit ?? '',
    image_width: input.image?.width ?? null,
    image_height: input.image?.height ?? null,
    published_at: input.publishedAt,
    published_ms: Date.parse(input.publishedAt),
    updated_at: input.updatedAt ?? null,
    updated_ms: input.updatedAt ? Date.parse(input.updatedAt) : null,
    status: input.status,
    translation_group: group,
    modified_ms: nowMs,
    updated_by_staff_id: options.staffId ?? null,
  };

  let id: number;
  if (existing) {
    id = existing.id;
    await db.updateTable('articles').set(values).where('id', '=', id).execute();
    if (existing.slug !== input.slug || existing.locale !== input.locale) {
      await db
        .insertInto('article_slug_history')
        .values({ locale: existing.locale as 'en' | 'zh', slug: existing.slug, article_id: id })
        .onConflict((oc) => oc.columns(['locale', 'slug']).doUpdateSet({ article_id: id }))
        .execute();
    }
    await db.deleteFrom('article_authors').where('article_id', '=', id).execute();
    await db.deleteFrom('article_tags').where('article_id', '=', id).execute();
  } else {
    const row = await db
      .insertInto('articles')
      .values({ ...values, external_id: input.id, created_ms: nowMs, created_by_staff_id: options.staffId ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    id = row.id;
  }
  // The search index changes with the article or not at all (same transaction).
  await writeSearchDocument(db, id, input.search);
  // A slug now in use is no longer a redirect.
  await db.deleteFrom('article_slug_history').where('locale', '=', input.locale).where('slug', '=', input.slug).execute();

  for (const [position, author] of input.authors.entries()) {
    const authorId = await authorIdFor(db, author);
    await db
      .insertInto('article_authors')
      .values({ article_id: id, author_id: authorId, position })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  for (const [position, tag] of input.tags.entries()) {
    const tagId = await tagIdFor(db, input.locale, tag);
    await db
      .insertInto('article_tags')
      .values({ article_id: id, tag_id: tagId, position })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  return {
    id,
    created: !existing,
    previousSlug: existing && existing.slug !== input.slug ? existing.slug : null,
    detached: detach,
  };
}

/** The unique indexes an article can meet, should one be hit despite the checks above. */
function uniqueKeyConflict(error: unknown): ArticleConflictError | null {
  const violation = uniqueViolation(error);
  if (!violation) return null;
  // SQLite names the columns (articles.slug); PostgreSQL the index (articles_locale_slug_key).
  if (/articles\.slug|articles_locale_slug_key/.test(violation.detail)) {
    return new ArticleConflictError('slug', 'the slug belongs to another article');
  }
  if (/articles\.translation_group|articles_by_translation/.test(violation.detail)) {
    return new ArticleConflictError('translationOf', 'the story already has a version in this language');
  }
  return null;
}

/** Changes an article's status by its newsroom id; false when there is no such article. */
export async function setArticleStatus(
  db: Database,
  externalId: string,
  status: 'published' | 'draft' | 'withdrawn',
  nowMs = Date.now(),
  staffId: number | null = null,
): Promise<boolean> {
  const result = await db
    .updateTable('articles')
    // The change is the ingest API's unless a staff account made it: "last changed by" follows.
    .set({ status, modified_ms: nowMs, updated_by_staff_id: staffId })
    .where('external_id', '=', externalId)
    .executeTakeFirst();
  const changed = Number(result.numUpdatedRows) > 0;
  if (changed) noteContentWrite();
  return changed;
}

export async function countArticles(db: Database): Promise<number> {
  const row = await db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every channel's slug, in order (the synthetic-article generator spreads over them). */
export async function selectChannelSlugs(db: Database): Promise<string[]> {
  const rows = await db.selectFrom('channels').select('slug').orderBy('position').orderBy('slug').execute();
  return rows.map((row) => row.slug);
}
