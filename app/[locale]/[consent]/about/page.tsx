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
import { siteName } from '@/lib/site';

export async function generateMetadata({ params }: PageProps<'/[locale]/[consent]/about'>): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'About' });
  return pageMetadata({
    locale,
    path: paths.about(locale),
    title: t('title'),
    description: t('intro', { site: siteName(locale) }),
    alternates: { en: paths.about('en'), zh: paths.about('zh') },
    feeds: await feedLinks(locale),
  });
}

export default async function AboutPage({ params }: PageProps<'/[locale]/[consent]/about'>) {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'About' });
  const other = otherLocale(locale);
  return (
    <PageShell locale={locale} channels={listChannels(locale)} languageTarget={{ locale: other, href: paths.about(other), kind: 'page' }}>
      <TextPage title={t('title')}>
        <p className="text-lg">{t('intro', { site: siteName(locale) })}</p>
        <TextSection title={t('missionTitle')}>
          <p>{t('mission')}</p>
        </TextSection>
        <TextSection title={t('languagesTitle')}>
          <p>{t('languages')}</p>
        </TextSection>
        <TextSection title={t('contactTitle')}>
          <p>
            <a href={paths.contact(locale)} className="text-brand-700 underline underline-offset-2">
              {t('contact')}
            </a>
          </p>
        </TextSection>
      </TextPage>
    </PageShell>
  );
}
