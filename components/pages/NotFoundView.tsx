import { useTranslations } from 'next-intl';
import type { ArticleSummary } from '@/lib/content/types';
import type { Locale } from '@/lib/i18n/locales';
import { paths } from '@/lib/i18n/paths';
import { ArticleList } from '../section/ArticleList';

/** What a reader sees instead of a page: not found (404), or an article withdrawn (410). */
export function NotFoundView({
  locale,
  latest,
  reason = 'NotFound',
}: {
  locale: Locale;
  latest: ArticleSummary[];
  reason?: 'NotFound' | 'Withdrawn';
}) {
  const t = useTranslations(reason);
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-3xl font-extrabold text-brand-900 sm:text-4xl">{t('title')}</h1>
      <p className="mt-4 text-lg text-ink-700">{t('body')}</p>
      <p className="mt-6">
        <a href={paths.home(locale)} className="btn-primary">
          {t('home')}
        </a>
      </p>
      {latest.length > 0 ? (
        <section aria-labelledby="nf-latest" className="mt-12">
          <h2 id="nf-latest" className="text-xl font-bold text-brand-900">
            {t('latest')}
          </h2>
          <ArticleList articles={latest} layout="stack" className="mt-4" />
        </section>
      ) : null}
    </div>
  );
}
