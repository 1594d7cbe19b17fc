import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageShell } from '@/components/layout/PageShell';
import { TextPage, TextSection } from '@/components/pages/TextPage';
import { otherLocale } from '@/lib/i18n/locales';
import { paths } from '@/lib/i18n/paths';
import { resolveLocale } from '@/lib/i18n/server';
import { feedLinks } from '@/lib/seo/feed-links';
import { pageMetadata } from '@/lib/seo/metadata';
import { site, siteName } from '@/lib/site';
import { connection } from 'next/server';
import { NextIntlClientProvider } from 'next-intl';
import { ContactForm } from '@/components/contact/ContactForm.client';
import { initialContactState } from '@/components/contact/form-state';
import { issueFormToken } from '@/lib/contact/token';
import { pickMessages } from '@/lib/i18n/messages';
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
  const t = await getTranslations({ locale, namespace: 'Contact' });
  const other = otherLocale(locale);
  return (
    <PageShell locale={locale} languageTarget={{ locale: other, href: paths.contact(other), kind: 'page' }}>
      <TextPage title={t('title')}>
        <p className="text-lg">{t('intro')}</p>
        <TextSection title={t('formTitle')}>
          <NextIntlClientProvider messages={pickMessages(locale, ['Contact'])}>
            <ContactForm
              action={sendContactMessage}
              initialState={initialContactState(issueFormToken())}
              locale={locale}
              siteName={siteName(locale)}
              privacyHref={paths.privacy(locale)}
            />
          </NextIntlClientProvider>
        </TextSection>
        <TextSection title={t('emailTitle')}>
          <p>
            {t.rich('email', {
              email: () => (
                <a href={`mailto:${site.email}`} className="font-semibold text-brand-700 underline underline-offset-2">
                  {site.email}
                </a>
              ),
            })}
          </p>
        </TextSection>
        <TextSection title={t('hotlineTitle')}>
          <p>{t('hotline', { phone: site.hotline })}</p>
        </TextSection>
      </TextPage>
    </PageShell>
  );
}
