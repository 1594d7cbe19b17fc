import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import type { ArticleInput } from './article-input';
import { imageRefs, parseArticleFile } from './markdown';
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
  const files = listMarkdownFiles(dir).map((file) => ({ file, source: fs.readFileSync(file, 'utf8') }));
  const srcs = files.flatMap(({ source }) => {
    const { data, content } = matter(source);
    const lead = (data as { image?: { src?: unknown } }).image?.src;
    return [...(typeof lead === 'string' ? [lead] : []), ...imageRefs(content)];
  });
  await ensurePlaceholderImages(
    publicDir,
    srcs.filter((src) => src.startsWith('/images/demo/')),
  );
  const sizes = await readImageSizes(publicDir, srcs);
  const sizeOf = (src: string) => sizes.get(src) ?? null;
  const articles = files.map(({ file, source }) => parseArticleFile(path.relative(dir, file), source, sizeOf));
  return articles.sort((a, b) => Number(Boolean(a.translationOf)) - Number(Boolean(b.translationOf)));
}
