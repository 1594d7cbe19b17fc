import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { Author } from '@/lib/content/types';
import type { Locale } from '@/lib/i18n/locales';
import { paths } from '@/lib/i18n/paths';
import { FormattedDate } from '../ui/FormattedDate';

/** "By NAME | Jan 13, 2023", each name linking to the author's page, plus the update time. */
export function ArticleByline({
  locale,
  authors,
  publishedAt,
  updatedAt,
}: {
  locale: Locale;
  authors: Author[];
  publishedAt: string;
  updatedAt: string | null;
}) {
  const t = useTranslations('Article');
  const names = authors
    .map<ReactNode>((author) => (
      <a key={author.slug} href={paths.author(locale, author.slug)} rel="author" className="underline-offset-2 hover:underline">
        {author.name}
      </a>
    ))
    .reduce<ReactNode>(
      (joined, name, index) => (index === 0 ? name : t.rich('authorsJoin', { first: () => joined, second: () => name })),
      null,
    );
  return (
    <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-ink-600">
      {authors.length > 0 ? (
        <>
          <span className="font-semibold uppercase tracking-wide text-ink-800">{t.rich('by', { authors: () => names })}</span>
          <span aria-hidden="true">|</span>
        </>
      ) : null}
      <FormattedDate locale={locale} value={publishedAt} />
      {updatedAt && updatedAt !== publishedAt ? (
        <span>
          <span aria-hidden="true">· </span>
          {t.rich('updated', { date: () => <FormattedDate locale={locale} value={updatedAt} format="withTime" /> })}
        </span>
      ) : null}
    </p>
  );
}
