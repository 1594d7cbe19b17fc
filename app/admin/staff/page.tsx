import type { Metadata } from 'next';
import { AdminHeader } from '@/components/admin/AdminHeader';
import { InvitationLink, InviteForm, PendingInvitations } from '@/components/admin/InviteForm';
import { Notice } from '@/components/admin/Notice';
import { StaffList } from '@/components/admin/StaffList';
import { adminTranslations } from '@/lib/staff/i18n';
import { requireStaffCan } from '@/lib/staff/session';
import { getStaffPage, parseStaffNotice } from '@/lib/staff/staff-admin';

export async function generateMetadata(): Promise<Metadata> {
  const t = await adminTranslations();
  return { title: t('staff.title') };
}

export default async function StaffPage({ searchParams }: PageProps<'/admin/staff'>) {
  const staff = await requireStaffCan('staff.manage');
  const notice = parseStaffNotice((await searchParams).notice);
  const page = await getStaffPage();
  const t = await adminTranslations();
  return (
    <>
      <AdminHeader staff={staff} />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
        <h1 className="text-2xl font-bold">{t('staff.title')}</h1>
        {notice ? <Notice kind={notice.kind}>{t(`staff.notice.${notice.name}`)}</Notice> : null}
        {page.newInvitation ? <InvitationLink email={page.newInvitation.email} link={page.newInvitation.link} /> : null}
        <StaffList accounts={page.accounts} self={staff} />
        <section aria-labelledby="invite-title" className="mt-10">
          <h2 id="invite-title" className="text-xl font-bold">{t('staff.inviteTitle')}</h2>
          <p className="mt-2">{t('staff.inviteHint')}</p>
          <InviteForm />
        </section>
        <section aria-labelledby="pending-title" className="mt-10">
          <h2 id="pending-title" className="text-xl font-bold">{t('staff.pendingTitle')}</h2>
          <PendingInvitations invitations={page.invitations} />
        </section>
      </main>
    </>
  );
}
