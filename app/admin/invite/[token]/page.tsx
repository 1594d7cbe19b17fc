import type { Metadata } from 'next';
import { AcceptInvitationForm } from '@/components/admin/AcceptInvitationForm';
import { AdminHeader } from '@/components/admin/AdminHeader';
import { adminTranslations } from '@/lib/staff/i18n';
import { openInvitationOnServer, parseInviteNotice } from '@/lib/staff/staff-admin';

export async function generateMetadata(): Promise<Metadata> {
  const t = await adminTranslations();
  return { title: t('invite.title') };
}

/** An invitation's link: the form that sets the password, or why the link no longer works. */
export default async function InvitationPage({ params, searchParams }: PageProps<'/admin/invite/[token]'>) {
  const { token } = await params;
  const invitation = await openInvitationOnServer(token);
  const notice = parseInviteNotice((await searchParams).notice);
  const t = await adminTranslations();
  return (
    <>
      <AdminHeader />
      <main id="main" className="mx-auto w-full max-w-md flex-1 px-4 py-10">
        {invitation ? (
          <>
            <h1 className="text-2xl font-bold">{t('invite.title')}</h1>
            <AcceptInvitationForm token={token} email={invitation.email} role={invitation.role} notice={notice} />
          </>
        ) : (
          <>
            <h1 className="text-2xl font-bold">{t('invite.goneTitle')}</h1>
            <p className="mt-4">{t('invite.goneText')}</p>
          </>
        )}
      </main>
    </>
  );
}
