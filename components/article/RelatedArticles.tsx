import { useTranslations } from 'next-intl';
import type { ArticleSummary, Channel } from '@/lib/content/types';
import { ArticleCard } from '../section/ArticleCard';

export function RelatedArticles({ channel, articles }: { channel: Channel; articles: ArticleSummary[] }) {
  const t = useTranslations('Article');
  if (articles.length === 0) return null;
  return (
    <section aria-labelledby="related-heading" className="mt-14 border-t-4 border-brand-900 pt-4">
      <h2 id="related-heading" className="text-xl font-extrabold text-brand-900">
        {t('related', { channel: channel.name })}
      </h2>
      <ul className="mt-5 grid gap-x-6 gap-y-8 sm:grid-cols-2 lg:grid-cols-4">
        {articles.map((article) => (
          <li key={article.id}>
            <ArticleCard article={article} />
          </li>
        ))}
      </ul>
    </section>
  );
}
