import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { z } from 'zod';
import { articleInputSchema, type ArticleInput } from '../content/article-input';
import { getChannel } from '../content/articles';
import { articleAsInput } from '../content/article-output';
import { saveArticle } from '../content/article-write';
import type { Article } from '../content/types';
import { getDb } from '../db/connection';
import { selectArticleByExternalId } from '../db/content-read';
import { setArticleStatus } from '../db/content-write';
import { env } from '../env';
import { fieldErrors } from '../http/body';
import type { FieldErrors } from '../http/errors';
import { paths } from '../i18n/paths';
import { refreshAfterArticleChange } from './refresh';
import { sanitizeBodyHtml } from './sanitize';

/*
 * The newsroom system's view of articles: PUT (create or replace by its own id), GET, DELETE
 * (withdraw). The body is the ArticleInput contract without `id` (it is in the URL).
 */

/** Pictures the site serves itself: a path under public/, never `//host`. */
const SITE_PATH = /^\/(?!\/)[A-Za-z0-9._~\-/%]+$/;

/** A picture address the site can show: a site path, or https on a configured host. */
function pictureSourceProblem(src: string): string | null {
  if (SITE_PATH.test(src)) return null;
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    return 'a site path such as /images/… or an https URL';
  }
  if (url.protocol !== 'https:') return 'a site path such as /images/… or an https URL';
  if (url.username || url.password || url.port) return 'an https URL without credentials or port';
  // The hosts next.config.ts lets the image optimizer fetch from.
  if (!env.IMAGE_REMOTE_HOSTS.includes(url.hostname.toLowerCase())) return `pictures from ${url.hostname} are not allowed (IMAGE_REMOTE_HOSTS)`;
  return null;
}

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
});

export type PutResult =
  | { kind: 'invalid'; fields: FieldErrors }
  | { kind: 'saved'; created: boolean; id: string; url: string };

/** Fills in a site picture's size from the file itself. */
async function withImageSize(image: NonNullable<ArticleInput['image']>): Promise<ArticleInput['image'] | string> {
  if (image.width && image.height) return image;
  // A remote picture is not fetched here: its size must come with it.
  if (!image.src.startsWith('/')) return 'width and height are required for a remote picture';
  const file = path.join(process.cwd(), 'public', decodeURIComponent(image.src));
  if (!file.startsWith(path.join(process.cwd(), 'public') + path.sep) || !fs.existsSync(file)) return 'no such picture on this site';
  try {
    const { width, height } = await sharp(file).metadata();
    return width && height ? { ...image, width, height } : 'not a picture';
  } catch {
    return 'not a picture';
  }
}

export async function putArticle(id: string, body: unknown): Promise<PutResult> {
  if (!/^[A-Za-z0-9._:-]{1,100}$/.test(id)) return { kind: 'invalid', fields: { id: 'letters, digits and . _ : - only, at most 100' } };
  const parsed = ingestBodySchema.safeParse(body);
  if (!parsed.success) return { kind: 'invalid', fields: fieldErrors(parsed.error) };
  const input: ArticleInput = { ...parsed.data, id, bodyHtml: sanitizeBodyHtml(parsed.data.bodyHtml) };
  if (!input.bodyHtml.trim()) return { kind: 'invalid', fields: { bodyHtml: 'nothing left after removing what is not allowed' } };
  if (!getChannel(input.locale, input.section)) return { kind: 'invalid', fields: { section: 'no such channel' } };
  if (input.image) {
    const image = await withImageSize(input.image);
    if (typeof image === 'string') return { kind: 'invalid', fields: { 'image.src': image } };
    input.image = image;
  }
  const db = getDb();
  const before = selectArticleByExternalId(db, id);
  const result = saveArticle(db, input);
  const after = selectArticleByExternalId(db, id)!;
  refreshAfterArticleChange({
    locale: after.locale,
    channels: [...new Set([after.channel, ...(before ? [before.channel] : [])])],
    slugs: [...new Set([after.slug, ...(before ? [before.slug] : [])])],
    authors: [...new Set([...after.authors, ...(before?.authors ?? [])].map((a) => a.slug))],
  });
  return { kind: 'saved', created: result.created, id, url: paths.article(after.locale, after.channel, after.slug) };
}

/** The stored article in the shape it was sent, plus its address. */
export function getStoredArticle(id: string): (ArticleInput & { url: string }) | null {
  const article = selectArticleByExternalId(getDb(), id);
  return article ? toInput(article) : null;
}

export function withdrawArticle(id: string): boolean {
  const db = getDb();
  const article = selectArticleByExternalId(db, id);
  if (!article || !setArticleStatus(db, id, 'withdrawn')) return false;
  refreshAfterArticleChange({
    locale: article.locale,
    channels: [article.channel],
    slugs: [article.slug],
    authors: article.authors.map((a) => a.slug),
  });
  return true;
}

function toInput(article: Article): ArticleInput & { url: string } {
  return { ...articleAsInput(article), url: paths.article(article.locale, article.channel, article.slug) };
}
