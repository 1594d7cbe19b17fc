import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { ContactView } from '@/components/contact/ContactView';
import { PageShell } from '@/components/layout/PageShell';
import { issueFormToken } from '@/lib/contact/token';
import { listChannels } from '@/lib/content/articles';
import { otherLocale } from '@/lib/i18n/locales';
import { paths } from '@/lib/i18n/paths';
import { resolveLocale } from '@/lib/i18n/server';
import { feedLinks } from '@/lib/seo/feed-links';
import { pageMetadata } from '@/lib/seo/metadata';
import { sendContactMessage } from './actions';

export async function generateMetadata({ params }: PageProps<'/[locale]/[consent]/contact'>): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'Contact' });
  return pageMetadata({
    locale,
    path: paths.contact(locale),
    title: t('title'),
    description: t('intro'),
    alternates: { en: paths.contact('en'), zh: paths.contact('zh') },
    feeds: await feedLinks(locale),
  });
}

/**
 * "Leaving a message", the inquiries email and the hotline. Rendered per request: each visit
 * gets its own signed form token (minimum fill time, idempotency).
 */
export default async function ContactPage({ params }: PageProps<'/[locale]/[consent]/contact'>) {
  const locale = await resolveLocale(params);
  await connection();
  const other = otherLocale(locale);
  return (
    <PageShell locale={locale} channels={listChannels(locale)} languageTarget={{ locale: other, href: paths.contact(other), kind: 'page' }}>
      <ContactView locale={locale} formToken={issueFormToken()} sendMessage={sendContactMessage} />
    </PageShell>
  );
}
