import { useTranslations } from 'next-intl';
import { headlineWithSeries } from '@/lib/content/headline';
import type { ArticleSummary } from '@/lib/content/types';
import { paths } from '@/lib/i18n/paths';

/** "Most read": the week's most-read articles, counted with readers' consent. Text only. */
export function MostRead({ articles, id }: { articles: ArticleSummary[]; id: string }) {
  const t = useTranslations('MostRead');
  if (articles.length === 0) return null;
  return (
    <section aria-labelledby={id} className="mt-14 rounded border border-ink-300 p-5">
      <h2 id={id} className="text-xl font-extrabold text-brand-900">
        {t('title')}
      </h2>
      <p className="text-sm text-ink-600">{t('subtitle')}</p>
      <ol className="mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        {articles.map((article, index) => (
          <li key={article.id} className="flex gap-3">
            <span aria-hidden="true" className="text-2xl font-extrabold leading-none text-accent-700">
              {index + 1}
            </span>
            <a
              href={paths.article(article.locale, article.channel, article.slug)}
              className="font-semibold leading-snug text-ink-900 hover:text-brand-700 hover:underline"
            >
              {headlineWithSeries(article)}
            </a>
          </li>
        ))}
      </ol>
    </section>
  );
}
