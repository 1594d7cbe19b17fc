import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { HomeView } from '@/components/home/HomeView';
import { PageShell } from '@/components/layout/PageShell';
import { getHomePageContent, listChannels } from '@/lib/content/articles';
import { otherLocale } from '@/lib/i18n/locales';
import { paths } from '@/lib/i18n/paths';
import { resolveLocale } from '@/lib/i18n/server';
import { listMostRead } from '@/lib/content/most-read';
import { JsonLd } from '@/components/seo/JsonLd';
import { feedLinks } from '@/lib/seo/feed-links';
import { homeJsonLd } from '@/lib/seo/json-ld';
import { pageMetadata } from '@/lib/seo/metadata';
import { siteName } from '@/lib/site';

// Static, refreshed at most a minute after a change (see docs/decisions/0001).
export const revalidate = 60;

export async function generateMetadata({ params }: PageProps<'/[locale]/[consent]'>): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'Meta' });
  return pageMetadata({
    locale,
    path: paths.home(locale),
    title: { absolute: siteName(locale) },
    description: t('siteDescription'),
    alternates: { en: paths.home('en'), zh: paths.home('zh') },
    // The bare domain picks the language from the browser's preferences.
    xDefault: '/',
    feeds: await feedLinks(locale),
  });
}

export default async function HomePage({ params }: PageProps<'/[locale]/[consent]'>) {
  const locale = await resolveLocale(params);
  const other = otherLocale(locale);
  const t = await getTranslations({ locale, namespace: 'Meta' });
  return (
    <PageShell
      locale={locale}
      channels={listChannels(locale)}
      languageTarget={{ locale: other, href: paths.home(other), kind: 'home' }}
    >
      <HomeView locale={locale} content={getHomePageContent(locale)} mostRead={listMostRead(locale)} />
      <JsonLd data={homeJsonLd(locale, t('siteDescription'))} />
    </PageShell>
  );
}
