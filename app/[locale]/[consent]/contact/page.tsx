import type { Metadata } from 'next';
import { connection } from 'next/server';
import { ContactView } from '@/components/contact/ContactView';
import { issueFormToken } from '@/lib/contact/token';
import { resolveLocale } from '@/lib/i18n/server';
import { contactMetadata } from '@/lib/seo/page-metadata';
import { sendContactMessage } from './actions';

export async function generateMetadata({ params }: PageProps<'/[locale]/[consent]/contact'>): Promise<Metadata> {
  return contactMetadata(await resolveLocale(params));
}

/**
 * "Leaving a message", the inquiries email and the hotline. Rendered per request: each visit
 * gets its own signed form token (minimum fill time, idempotency).
 */
export default async function ContactPage({ params }: PageProps<'/[locale]/[consent]/contact'>) {
  const locale = await resolveLocale(params);
  await connection();
  return <ContactView locale={locale} formToken={issueFormToken()} sendMessage={sendContactMessage} />;
}
