import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageShell } from '@/components/layout/PageShell';
import { TextPage, TextSection } from '@/components/pages/TextPage';
import { listChannels } from '@/lib/content/articles';
import { otherLocale } from '@/lib/i18n/locales';
import { paths } from '@/lib/i18n/paths';
import { resolveLocale } from '@/lib/i18n/server';
import { feedLinks } from '@/lib/seo/feed-links';
import { pageMetadata } from '@/lib/seo/metadata';
import { site } from '@/lib/site';

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

/** The inquiries email and hotline; the message form arrives with issue #5. */
export default async function ContactPage({ params }: PageProps<'/[locale]/[consent]/contact'>) {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'Contact' });
  const other = otherLocale(locale);
  return (
    <PageShell locale={locale} channels={listChannels(locale)} languageTarget={{ locale: other, href: paths.contact(other), kind: 'page' }}>
      <TextPage title={t('title')}>
        <p className="text-lg">{t('intro')}</p>
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
        <p className="rounded bg-ink-50 p-4 text-ink-700">{t('formSoon')}</p>
      </TextPage>
    </PageShell>
  );
}
