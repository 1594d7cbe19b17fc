import { z } from 'zod';
import matter from 'gray-matter';
import { Marked, type Tokens } from 'marked';
import YAML from 'yaml';
import { escapeHtml } from './html';
import { pictureSourceProblem } from '../ingest/pictures';
import { sanitizeBodyHtml } from '../ingest/sanitize';
import { articleInputSchema, type ArticleInput } from './article-input';

export interface ImageSize {
  width: number;
  height: number;
}

/** Looks up the pixel size of a site image (e.g. `/images/demo/x.jpg`), or null if unknown. */
export type ImageSizeLookup = (src: string) => ImageSize | null;

const IMAGE_REF = /!\[[^\]]*\]\(\s*([^\s)]+)/g;

/** Every image path a Markdown body refers to, so sizes can be looked up before rendering. */
export function imageRefs(markdown: string): string[] {
  return [...markdown.matchAll(IMAGE_REF)].map((m) => m[1]!);
}

/**
 * Markdown to the clean HTML stored as an article body. Raw HTML in the source is shown as
 * text, never passed through. A paragraph holding only a titled image becomes a figure whose
 * caption is the title; its width and height are written out so the page does not shift.
 */
export function markdownToHtml(markdown: string, sizeOf: ImageSizeLookup = () => null): string {
  const md = new Marked({ gfm: true, breaks: false });
  const image = (token: Tokens.Image): string => {
    const size = sizeOf(token.href);
    const dims = size ? ` width="${size.width}" height="${size.height}"` : '';
    return `<img src="${escapeHtml(token.href)}" alt="${escapeHtml(token.text)}"${dims} loading="lazy" decoding="async">`;
  };
  md.use({
    renderer: {
      html: (token) => escapeHtml(token.text),
      image,
      paragraph(token) {
        const only = token.tokens.length === 1 ? token.tokens[0] : undefined;
        if (only?.type === 'image' && (only as Tokens.Image).title) {
          const img = only as Tokens.Image;
          return `<figure>${image(img)}<figcaption>${escapeHtml(img.title ?? '')}</figcaption></figure>\n`;
        }
        return false;
      },
    },
  });
  return (md.parse(markdown, { async: false }) as string).trim();
}

/**
 * `bodyFormat: html` marks a body that is HTML, not Markdown (files written by
 * `npm run content -- export`); it is cleaned with the ingest allow-list instead of rendered.
 */
const frontMatterSchema = articleInputSchema
  .omit({ bodyHtml: true })
  .extend({ bodyFormat: z.enum(['markdown', 'html']).default('markdown') });

/*
 * YAML 1.2 core schema: timestamps stay strings, so "2026-11-18T09:30:00+08:00" keeps its
 * offset instead of becoming a UTC Date.
 */
const yamlEngine = {
  parse: (text: string) => YAML.parse(text) as object,
  stringify: (data: object) => YAML.stringify(data),
};

export class ArticleFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
  }
}

export interface ArticleFileParts {
  data: Record<string, unknown>;
  content: string;
}

/** Splits an article file into its front matter (YAML 1.2) and Markdown body. */
export function splitArticleFile(source: string): ArticleFileParts {
  const { data, content } = matter(source, { engines: { yaml: yamlEngine } });
  return { data, content };
}

/** Parses one article file (front matter + Markdown body) into a validated ArticleInput. */
export function parseArticleFile(file: string, source: string | ArticleFileParts, sizeOf: ImageSizeLookup): ArticleInput {
  const parsed = typeof source === 'string' ? splitArticleFile(source) : source;
  const front = frontMatterSchema.safeParse(parsed.data);
  if (!front.success) {
    throw new ArticleFileError(
      file,
      front.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    );
  }
  const image = front.data.image
    ? { ...front.data.image, ...(sizeOf(front.data.image.src) ?? {}) }
    : undefined;
  const { bodyFormat, ...fields } = front.data;
  const result = articleInputSchema.safeParse({
    ...fields,
    image,
    // Both kinds of body end in the allow-list's one serialization, so an exported file
    // (bodyFormat: html) reads back exactly as stored.
    bodyHtml: sanitizeBodyHtml(bodyFormat === 'html' ? parsed.content.trim() : markdownToHtml(parsed.content, sizeOf)),
  });
  if (!result.success) {
    throw new ArticleFileError(file, result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  // The ingest API's rules for what is not a field's shape: where a lead picture may come from
  // (body pictures are filtered by the allow-list above) and a translation of itself.
  const pictureProblem = result.data.image ? pictureSourceProblem(result.data.image.src) : null;
  if (pictureProblem) throw new ArticleFileError(file, `image.src: ${pictureProblem}`);
  if (result.data.translationOf === result.data.id) throw new ArticleFileError(file, 'translationOf: an article is not its own translation');
  return result.data;
}
