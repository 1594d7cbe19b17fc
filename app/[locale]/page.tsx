import type { Metadata } from 'next';
import { HomeView } from '@/components/home/HomeView';
import { PageShell } from '@/components/layout/PageShell';
import { getHomePageContent, listChannels } from '@/lib/content/articles';
import { otherLocale } from '@/lib/i18n/locales';
import { paths } from '@/lib/i18n/paths';
import { resolveLocale } from '@/lib/i18n/server';
import { pageMetadata } from '@/lib/seo/metadata';
import { siteName } from '@/lib/site';

// Static, refreshed at most a minute after a change (see docs/decisions/0001).
export const revalidate = 60;

export async function generateMetadata({ params }: PageProps<'/[locale]'>): Promise<Metadata> {
  const locale = await resolveLocale(params);
  return {
    ...pageMetadata({ locale, path: paths.home(locale), alternates: { en: paths.home('en'), zh: paths.home('zh') } }),
    title: { absolute: siteName(locale) },
  };
}

export default async function HomePage({ params }: PageProps<'/[locale]'>) {
  const locale = await resolveLocale(params);
  const other = otherLocale(locale);
  return (
    <PageShell
      locale={locale}
      channels={listChannels(locale)}
      languageTarget={{ locale: other, href: paths.home(other), kind: 'home' }}
    >
      <HomeView locale={locale} content={getHomePageContent(locale)} />
    </PageShell>
  );
}
