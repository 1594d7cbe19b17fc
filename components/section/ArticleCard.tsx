import type { ArticleSummary } from '@/lib/content/types';
import { paths } from '@/lib/i18n/paths';
import { ArticleHeadline } from '../article/ArticleHeadline';
import { FormattedDate } from '../ui/FormattedDate';
import { ResponsiveImage } from '../ui/ResponsiveImage';

export type CardSize = 'lead' | 'regular' | 'compact';

const IMAGE_SIZES: Record<CardSize, string> = {
  lead: '(min-width: 1152px) 740px, (min-width: 768px) 62vw, calc(100vw - 2rem)',
  regular: '(min-width: 1152px) 360px, (min-width: 640px) 45vw, calc(100vw - 2rem)',
  compact: '96px',
};

/**
 * One article in a list. Used by server pages and by the load-more list in the browser,
 * so it must stay free of server-only imports.
 */
export function ArticleCard({
  article,
  size = 'regular',
  headingLevel = 3,
  preloadImage = false,
}: {
  article: ArticleSummary;
  size?: CardSize;
  headingLevel?: 2 | 3;
  preloadImage?: boolean;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const href = paths.article(article.locale, article.channel, article.slug);
  const compact = size === 'compact';
  return (
    <article className={compact ? 'flex gap-3' : 'flex flex-col gap-3'}>
      {article.image ? (
        <ResponsiveImage
          src={article.image.src}
          alt=""
          width={article.image.width}
          height={article.image.height}
          sizes={IMAGE_SIZES[size]}
          preload={preloadImage}
          className={
            compact
              ? 'aspect-square h-24 w-24 shrink-0 rounded object-cover'
              : 'aspect-[16/9] h-auto w-full rounded bg-ink-100 object-cover'
          }
        />
      ) : null}
      <div className="min-w-0">
        <Heading
          className={
            size === 'lead'
              ? 'text-2xl font-bold leading-tight sm:text-3xl'
              : compact
                ? 'text-base font-semibold leading-snug'
                : 'text-lg font-bold leading-snug'
          }
        >
          <a href={href} className="text-ink-900 hover:text-brand-700 hover:underline">
            <ArticleHeadline article={article} />
          </a>
        </Heading>
        {compact ? null : <p className="mt-2 leading-relaxed text-ink-700">{article.summary}</p>}
        <p className="mt-2 text-sm text-ink-600">
          <FormattedDate locale={article.locale} value={article.publishedAt} />
        </p>
      </div>
    </article>
  );
}
