import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AdminHeader } from '@/components/admin/AdminHeader';
import { LoginForm, type LoginNotice } from '@/components/admin/LoginForm';
import { adminTranslations } from '@/lib/staff/i18n';
import { adminPaths } from '@/lib/staff/paths';
import { currentStaff } from '@/lib/staff/session';

const NOTICES = new Set<LoginNotice>(['invalid', 'throttled', 'forbidden', 'signedOut', 'accepted']);

export async function generateMetadata(): Promise<Metadata> {
  const t = await adminTranslations();
  return { title: t('login.title') };
}

export default async function LoginPage({ searchParams }: PageProps<'/admin/login'>) {
  if (await currentStaff()) redirect(adminPaths.messages);
  const { notice } = await searchParams;
  const t = await adminTranslations();
  return (
    <>
      <AdminHeader />
      <main id="main" className="mx-auto w-full max-w-md flex-1 px-4 py-10">
        <h1 className="text-2xl font-bold">{t('login.title')}</h1>
        <LoginForm notice={NOTICES.has(notice as LoginNotice) ? (notice as LoginNotice) : undefined} />
      </main>
    </>
  );
}
