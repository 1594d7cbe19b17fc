import type { Metadata } from 'next';
import { AccountForm } from '@/components/admin/AccountForm';
import { AdminHeader } from '@/components/admin/AdminHeader';
import { adminTranslations } from '@/lib/staff/i18n';
import { requireStaff } from '@/lib/staff/session';

export async function generateMetadata(): Promise<Metadata> {
  const t = await adminTranslations();
  return { title: t('account.title') };
}

export default async function AccountPage() {
  const staff = await requireStaff();
  const t = await adminTranslations();
  return (
    <>
      <AdminHeader staff={staff} />
      <main id="main" className="mx-auto w-full max-w-md flex-1 px-4 py-10">
        <h1 className="text-2xl font-bold">{t('account.title')}</h1>
        <AccountForm staff={staff} />
      </main>
    </>
  );
}
