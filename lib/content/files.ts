import fs from 'node:fs';
import path from 'node:path';
import type { ArticleInput } from './article-input';
import { imageRefs, parseArticleFile, splitArticleFile } from './markdown';
import { ensurePlaceholderImages, readImageSizes } from '../media/placeholder';

function listMarkdownFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/**
 * Reads every article file under `dir`. Pictures they name under /images/demo/ that do not
 * exist yet are drawn first, so every figure gets its real width and height.
 * Originals come before translations, so a translation can join its original's group.
 */
export async function readArticleFiles(dir: string, publicDir: string): Promise<ArticleInput[]> {
  // Each file is read and split once; the parts serve both the picture scan and the parse.
  const files = listMarkdownFiles(dir).map((file) => ({ file, parts: splitArticleFile(fs.readFileSync(file, 'utf8')) }));
  const srcs = files.flatMap(({ parts }) => {
    const lead = (parts.data as { image?: { src?: unknown } }).image?.src;
    return [...(typeof lead === 'string' ? [lead] : []), ...imageRefs(parts.content)];
  });
  await ensurePlaceholderImages(
    publicDir,
    srcs.filter((src) => src.startsWith('/images/demo/')),
  );
  const sizes = await readImageSizes(publicDir, srcs);
  const sizeOf = (src: string) => sizes.get(src) ?? null;
  const articles = files.map(({ file, parts }) => parseArticleFile(path.relative(dir, file), parts, sizeOf));
  return articles.sort((a, b) => Number(Boolean(a.translationOf)) - Number(Boolean(b.translationOf)));
}
