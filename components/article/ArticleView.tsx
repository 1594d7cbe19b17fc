import type { Article, ArticleSummary, Channel } from '@/lib/content/types';
import { paths } from '@/lib/i18n/paths';
import { ViewCounter } from '../consent/ViewCounter.client';
import { ArticleBody } from './ArticleBody';
import { ArticleByline } from './ArticleByline';
import { ArticleHeadline } from './ArticleHeadline';
import { LeadFigure } from './LeadFigure';
import { RelatedArticles } from './RelatedArticles';
import { SloganLinks } from './SloganLinks';
import { TagList } from './TagList';

export function ArticleView({
  article,
  bodyHtml,
  channel,
  related,
}: {
  article: Article;
  /** The body ready to insert (responsive pictures added). */
  bodyHtml: string;
  channel: Channel;
  related: ArticleSummary[];
}) {
  return (
    <>
      <article className="mx-auto max-w-3xl">
        <header>
          <p className="mb-3 text-sm font-bold uppercase tracking-widest">
            <a href={paths.channel(article.locale, article.channel)} className="text-accent-700 hover:underline">
              {channel.name}
            </a>
          </p>
          <h1 className="font-serif text-3xl font-bold leading-tight text-ink-900 sm:text-4xl">
            <ArticleHeadline article={article} />
          </h1>
          <p className="mt-4 text-lg leading-relaxed text-ink-700">{article.summary}</p>
          <div className="mt-4">
            <ArticleByline locale={article.locale} authors={article.authors} publishedAt={article.publishedAt} updatedAt={article.updatedAt} />
          </div>
        </header>
        {article.image ? <LeadFigure image={article.image} /> : null}
        <ArticleBody html={bodyHtml} />
        <ViewCounter articleId={article.id} />
        <TagList tags={article.tags} />
        <SloganLinks locale={article.locale} />
      </article>
      <RelatedArticles channel={channel} articles={related} />
    </>
  );
}
