import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AdminHeader } from '@/components/admin/AdminHeader';
import { MessageDetail } from '@/components/admin/MessageDetail';
import { adminTranslations } from '@/lib/staff/i18n';
import { openInboxMessage } from '@/lib/staff/inbox';
import { requireStaff } from '@/lib/staff/session';

export async function generateMetadata({ params }: PageProps<'/admin/messages/[reference]'>): Promise<Metadata> {
  const { reference } = await params;
  const t = await adminTranslations();
  return { title: t('detail.title', { reference: reference }) };
}

export default async function MessagePage({ params }: PageProps<'/admin/messages/[reference]'>) {
  const staff = await requireStaff();
  const { reference } = await params;
  const message = await openInboxMessage(reference);
  if (!message) notFound();
  return (
    <>
      <AdminHeader staff={staff} />
      <main id="main" className="mx-auto w-full max-w-4xl flex-1 px-4 py-8">
        <MessageDetail message={message} />
      </main>
    </>
  );
}
