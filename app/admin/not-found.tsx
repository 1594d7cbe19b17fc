import { AdminHeader } from '@/components/admin/AdminHeader';
import { adminTranslations } from '@/lib/staff/i18n';
import { currentStaff } from '@/lib/staff/session';

export default async function AdminNotFound() {
  const t = await adminTranslations();
  return (
    <>
      <AdminHeader staff={await currentStaff()} />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
        <h1 className="text-2xl font-bold">{t('notFound.title')}</h1>
        <p className="mt-4">{t('notFound.text')}</p>
      </main>
    </>
  );
}
