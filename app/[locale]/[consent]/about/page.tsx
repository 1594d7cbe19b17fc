import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AboutPageView } from '@/components/pages/AboutPageView';
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
  return <AboutPageView locale={await resolveLocale(params)} />;
}
