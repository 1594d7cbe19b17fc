import Link from 'next/link';
import { adminTranslations } from '@/lib/staff/i18n';
import { inboxHref, type InboxQuery } from '@/lib/staff/inbox';

/** Previous / next links that keep the search and status filter. */
export async function InboxPagination({ query, pages }: { query: InboxQuery; pages: number }) {
  const t = await adminTranslations();
  if (pages <= 1) return null;
  const link = 'inline-flex min-h-11 items-center rounded border border-ink-300 px-4 font-semibold hover:bg-ink-50';
  return (
    <nav aria-label={t('list.pagination')} className="mt-6 flex flex-wrap items-center gap-4">
      {query.page > 1 ? (
        <Link href={inboxHref({ ...query, page: query.page - 1 })} rel="prev" className={link}>
          {t('list.previous')}
        </Link>
      ) : null}
      <span>{t('list.pageOf', { page: query.page, pages })}</span>
      {query.page < pages ? (
        <Link href={inboxHref({ ...query, page: query.page + 1 })} rel="next" className={link}>
          {t('list.next')}
        </Link>
      ) : null}
    </nav>
  );
}
