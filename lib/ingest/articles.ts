import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { z } from 'zod';
import { articleInputSchema, type ArticleInput } from '../content/article-input';
import { getChannel } from '../content/articles';
import { articleAsInput } from '../content/article-output';
import { saveArticle } from '../content/article-write';
import type { Article } from '../content/types';
import { getDatabase } from '../db/database';
import { selectArticleByExternalId, selectTranslationGroup, type GroupArticle } from '../db/content-read';
import { ArticleConflictError, setArticleStatus } from '../db/content-write';
import { writeTransaction } from '../db/engine';
import { fieldErrors } from '../http/body';
import type { FieldErrors } from '../http/errors';
import { paths } from '../i18n/paths';
import { pictureSourceProblem } from './pictures';
import { applyChange, type ContentChange, recordChange } from './changes';
import { cleanBodyHtml } from './sanitize';

/*
 * The newsroom system's view of articles: PUT (create or replace by its own id), GET, DELETE
 * (withdraw). The body is the ArticleInput contract without `id` (it is in the URL).
 */

export const ingestBodySchema = articleInputSchema.omit({ id: true }).extend({
  bodyHtml: z.string().min(1).max(500_000),
  image: articleInputSchema.shape.image.unwrap().extend({
    src: z
      .string()
      .trim()
      .max(500)
      .superRefine((src, ctx) => {
        const problem = pictureSourceProblem(src);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
  }).optional(),
  /**
   * Pair with `translationOf` even where the story already has a version in this language, or
   * this article was paired with another: those leave the pair (README, "Publishing").
   */
  replaceTranslation: z.boolean().optional(),
});

/** Something stored that the newsroom may want to know about; the article was saved anyway. */
export interface IngestWarning {
  code: 'picture_removed';
  field: string;
  message: string;
}

export type PutResult =
  | { kind: 'invalid'; fields: FieldErrors }
  | { kind: 'conflict'; fields: FieldErrors; message: string }
  | { kind: 'saved'; created: boolean; id: string; url: string; warnings: IngestWarning[] };

/** The formats sharp reads that browsers show as pictures. */
const PICTURE_FORMATS = new Set(['jpeg', 'png', 'webp', 'gif', 'avif', 'svg']);

/**
 * The file under public/ a site path names, or what is wrong with the path. One decoding, no
 * encoded slash or backslash, no `.`/`..` segment, a regular file inside public/ (links
 * followed): the same file the static file server would answer with.
 */
function publicFile(src: string): { file: string } | { problem: string } {
  let decoded: string;
  try {
    decoded = decodeURIComponent(src);
  } catch {
    return { problem: 'a path with valid percent-encoding' };
  }
  if (/%2f|%5c/i.test(src)) return { problem: 'a path without encoded slashes' };
  if (/[\u0000-\u001f]/.test(decoded)) return { problem: 'a path without control characters' };
  if (decoded.split('/').some((part) => part === '.' || part === '..')) return { problem: 'a path without . or .. segments' };
  const root = fs.realpathSync(path.join(process.cwd(), 'public'));
  let file: string;
  try {
    file = fs.realpathSync(path.join(root, decoded));
  } catch {
    return { problem: 'no such picture on this site' };
  }
  if (!file.startsWith(root + path.sep) || !fs.statSync(file).isFile()) return { problem: 'no such picture on this site' };
  return { file };
}

/** Checks a lead picture: a site picture must exist and be one; its size comes from the file when not given. */
async function checkedImage(image: NonNullable<ArticleInput['image']>): Promise<ArticleInput['image'] | string> {
  if (!image.src.startsWith('/')) {
    // A remote picture is not fetched here: its size must come with it.
    return image.width && image.height ? image : 'width and height are required for a remote picture';
  }
  const found = publicFile(image.src);
  if ('problem' in found) return found.problem;
  try {
    const { width, height, format } = await sharp(found.file).metadata();
    if (!format || !PICTURE_FORMATS.has(format) || !width || !height) return 'not a picture';
    return image.width && image.height ? image : { ...image, width, height };
  } catch {
    return 'not a picture';
  }
}

/** A translationOf that can never be right (422); what is stored decides the rest (409). */
async function translationProblem(id: string, locale: string, translationOf: string | undefined): Promise<string | null> {
  if (translationOf === undefined) return null;
  if (translationOf === id) return 'an article is not its own translation';
  const other = await selectArticleByExternalId(await getDatabase(), translationOf);
  // An id not stored yet is accepted: it names the group its original joins when it arrives.
  if (other && other.locale === locale) return `article ${translationOf} is in the same language (${locale})`;
  return null;
}

export async function putArticle(id: string, body: unknown): Promise<PutResult> {
  if (!/^[A-Za-z0-9._:-]{1,100}$/.test(id)) return { kind: 'invalid', fields: { id: 'letters, digits and . _ : - only, at most 100' } };
  const parsed = ingestBodySchema.safeParse(body);
  if (!parsed.success) return { kind: 'invalid', fields: fieldErrors(parsed.error) };
  const { replaceTranslation, ...fields } = parsed.data;
  const cleaned = cleanBodyHtml(fields.bodyHtml);
  const input: ArticleInput = { ...fields, id, bodyHtml: cleaned.html };
  if (!input.bodyHtml.trim()) return { kind: 'invalid', fields: { bodyHtml: 'nothing left after removing what is not allowed' } };
  if (!(await getChannel(input.locale, input.section))) return { kind: 'invalid', fields: { section: 'no such channel' } };
  const translation = await translationProblem(id, input.locale, input.translationOf);
  if (translation) return { kind: 'invalid', fields: { translationOf: translation } };
  if (input.image) {
    const image = await checkedImage(input.image);
    if (typeof image === 'string') return { kind: 'invalid', fields: { 'image.src': image } };
    input.image = image;
  }
  const db = await getDatabase();
  let saved;
  try {
    // The write, what it changed and the change log entry (for the other instances) commit together.
    saved = await writeTransaction(db, 'articles', async (trx) => {
      const before = await selectArticleByExternalId(trx, id);
      const pairsBefore = before ? await selectTranslationGroup(trx, before.translationGroup) : [];
      const result = await saveArticle(trx, input, Date.now(), { replaceTranslation });
      const after = (await selectArticleByExternalId(trx, id))!;
      // The other versions, old pair and new, announce (or stop announcing) this one in their head.
      const detached = await Promise.all(result.detached.map(async (other) => (await selectArticleByExternalId(trx, other))!));
      const others = [...pairsBefore, ...(await selectTranslationGroup(trx, after.translationGroup)), ...detached].filter(
        (other: GroupArticle) => other.externalId !== id,
      );
      const change: ContentChange = {
        kind: 'articles',
        locale: after.locale,
        channels: [...new Set([after.channel, ...(before ? [before.channel] : [])])],
        slugs: [...new Set([after.slug, ...(before ? [before.slug] : [])])],
        authors: [...new Set([...after.authors, ...(before?.authors ?? [])].map((a) => a.slug))],
        pages: others.map(({ locale, channel, slug }) => ({ locale, channel, slug })),
      };
      await recordChange(trx, change);
      return { result, after, change };
    });
  } catch (error) {
    if (!(error instanceof ArticleConflictError)) throw error;
    return { kind: 'conflict', fields: { [error.field]: error.message }, message: error.message };
  }
  applyChange(saved.change);
  const { result, after } = saved;
  const warnings: IngestWarning[] = cleaned.removedPictures.map((src) => ({
    code: 'picture_removed',
    field: 'bodyHtml',
    message: `removed the picture ${src ? src.slice(0, 200) : 'without a usable address'}: ${src ? pictureSourceProblem(src) ?? 'not allowed' : 'a site path or an https URL is needed'}`,
  }));
  return { kind: 'saved', created: result.created, id, url: paths.article(after.locale, after.channel, after.slug), warnings };
}

/** The stored article in the shape it was sent, plus its address. */
export async function getStoredArticle(id: string): Promise<(ArticleInput & { url: string }) | null> {
  const article = await selectArticleByExternalId(await getDatabase(), id);
  return article ? toInput(article) : null;
}

export async function withdrawArticle(id: string): Promise<boolean> {
  const db = await getDatabase();
  const change = await writeTransaction(db, 'articles', async (trx): Promise<ContentChange | null> => {
    const article = await selectArticleByExternalId(trx, id);
    if (!article || !(await setArticleStatus(trx, id, 'withdrawn'))) return null;
    const withdrawn: ContentChange = {
      kind: 'articles',
      locale: article.locale,
      channels: [article.channel],
      slugs: [article.slug],
      authors: article.authors.map((a) => a.slug),
    };
    await recordChange(trx, withdrawn);
    return withdrawn;
  });
  if (!change) return false;
  applyChange(change);
  return true;
}

function toInput(article: Article): ArticleInput & { url: string } {
  return { ...articleAsInput(article), url: paths.article(article.locale, article.channel, article.slug) };
}
