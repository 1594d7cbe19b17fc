import type { ArticleInput } from './article-input';
import type { Article } from './types';

/**
 * A stored article in the shape it arrives in (ArticleInput): what the ingest API's GET
 * returns and what `npm run content -- export` writes, so both read back as they went in.
 */
export function articleAsInput(article: Article): ArticleInput {
  return {
    id: article.externalId,
    locale: article.locale,
    section: article.channel,
    slug: article.slug,
    headline: article.headline,
    ...(article.series ? { series: article.series } : {}),
    summary: article.summary,
    bodyHtml: article.bodyHtml,
    authors: article.authors.map((a) => ({ name: a.name })),
    publishedAt: article.publishedAt,
    ...(article.updatedAt ? { updatedAt: article.updatedAt } : {}),
    ...(article.image
      ? {
          image: {
            src: article.image.src,
            alt: article.image.alt,
            caption: article.image.caption,
            credit: article.image.credit,
            width: article.image.width,
            height: article.image.height,
          },
        }
      : {}),
    tags: article.tags.map((t) => t.name),
    // A translation group is named after its first article.
    ...(article.translationGroup !== article.externalId ? { translationOf: article.translationGroup } : {}),
    status: article.status,
  };
}
