import { useTranslations } from 'next-intl';
import type { Author } from '@/lib/content/types';
import { FormattedDate } from '../ui/FormattedDate';

function joinNames(names: string[], join: (first: string, second: string) => string): string {
  return names.reduce<string>((acc, name, index) => (index === 0 ? name : join(acc, name)), '');
}

/** "By NAME | Jan 13, 2023", plus the update time when the article was edited. */
export function ArticleByline({
  authors,
  publishedAt,
  updatedAt,
}: {
  authors: Author[];
  publishedAt: string;
  updatedAt: string | null;
}) {
  const t = useTranslations('Article');
  const names = joinNames(
    authors.map((a) => a.name),
    (first, second) => t('authorsJoin', { first, second }),
  );
  return (
    <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-ink-600">
      {names ? (
        <>
          <span className="font-semibold uppercase tracking-wide text-ink-800">{t('by', { authors: names })}</span>
          <span aria-hidden="true">|</span>
        </>
      ) : null}
      <FormattedDate value={publishedAt} />
      {updatedAt && updatedAt !== publishedAt ? (
        <span>
          <span aria-hidden="true">· </span>
          {t.rich('updated', { date: () => <FormattedDate value={updatedAt} format="withTime" /> })}
        </span>
      ) : null}
    </p>
  );
}
