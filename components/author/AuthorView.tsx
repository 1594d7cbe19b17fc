import { useTranslations } from 'next-intl';
import type { ArticleSummary, Author, Paged } from '@/lib/content/types';
import type { Locale } from '@/lib/i18n/locales';
import { paths } from '@/lib/i18n/paths';
import { ArticleList } from '../section/ArticleList';
import { Pagination } from '../section/Pagination';

/** An author's page: name, biography and their articles, newest first. */
export function AuthorView({ locale, author, page }: { locale: Locale; author: Author; page: Paged<ArticleSummary> }) {
  const t = useTranslations('Author');
  return (
    <>
      <header className="mb-8 border-b-4 border-brand-900 pb-4">
        <p className="text-sm font-semibold uppercase tracking-wide text-ink-600">{t('label')}</p>
        <h1 className="text-3xl font-extrabold text-brand-900 sm:text-4xl">
          {page.page > 1 ? t('pageTitle', { name: author.name, page: page.page }) : author.name}
        </h1>
        {author.bio ? <p className="mt-2 text-lg text-ink-700">{author.bio}</p> : null}
        <p className="mt-1 text-sm text-ink-600">
          {t('articleCount', { count: page.total })}
          {page.totalPages > 1 ? (
            <>
              <span aria-hidden="true"> · </span>
              {t('pageOf', { page: page.page, total: page.totalPages })}
            </>
          ) : null}
        </p>
      </header>
      <ArticleList articles={page.items} />
      <Pagination page={page.page} totalPages={page.totalPages} hrefFor={(p) => paths.author(locale, author.slug, p)} />
    </>
  );
}
