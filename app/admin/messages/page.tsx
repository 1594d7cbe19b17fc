import type { Metadata } from 'next';
import { AdminHeader } from '@/components/admin/AdminHeader';
import { InboxFilters } from '@/components/admin/InboxFilters';
import { InboxPagination } from '@/components/admin/InboxPagination';
import { InboxTable } from '@/components/admin/InboxTable';
import { adminTranslations } from '@/lib/staff/i18n';
import { getInboxPage, inboxHref, parseInboxQuery } from '@/lib/staff/inbox';
import { adminPaths } from '@/lib/staff/paths';
import { requireStaff } from '@/lib/staff/session';

export async function generateMetadata(): Promise<Metadata> {
  const t = await adminTranslations();
  return { title: t('list.title') };
}

export default async function MessagesPage({ searchParams }: PageProps<'/admin/messages'>) {
  const staff = await requireStaff();
  const query = parseInboxQuery(await searchParams);
  const inbox = await getInboxPage(query);
  const t = await adminTranslations();
  return (
    <>
      <AdminHeader staff={staff} />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
        <div className="flex flex-wrap items-baseline justify-between gap-4">
          <h1 className="text-2xl font-bold">{t('list.title')}</h1>
          <a href={inboxHref({ q: query.q, status: query.status }, adminPaths.csv)} className="text-brand-700 underline underline-offset-2">
            {t('list.export')}
          </a>
        </div>
        <InboxFilters query={query} />
        <InboxTable items={inbox.items} total={inbox.total} />
        <InboxPagination query={query} pages={inbox.pages} />
      </main>
    </>
  );
}
