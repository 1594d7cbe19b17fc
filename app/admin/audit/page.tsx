import type { Metadata } from 'next';
import { AdminHeader } from '@/components/admin/AdminHeader';
import { AuditFilters, AuditPagination, AuditTable } from '@/components/admin/AuditLog';
import { adminTranslations } from '@/lib/staff/i18n';
import { requireStaffCan } from '@/lib/staff/session';
import { getAuditPage, parseAuditQuery } from '@/lib/staff/staff-admin';

export async function generateMetadata(): Promise<Metadata> {
  const t = await adminTranslations();
  return { title: t('audit.title') };
}

export default async function AuditPage({ searchParams }: PageProps<'/admin/audit'>) {
  const staff = await requireStaffCan('audit.read');
  const query = parseAuditQuery(await searchParams);
  const page = await getAuditPage(query);
  const t = await adminTranslations();
  return (
    <>
      <AdminHeader staff={staff} />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
        <h1 className="text-2xl font-bold">{t('audit.title')}</h1>
        <AuditFilters query={query} actions={page.actions} actors={page.actors} />
        <AuditTable entries={page.entries} />
        <AuditPagination query={query} older={page.older} />
      </main>
    </>
  );
}
