import type { Metadata } from 'next';
import { getChannelPage, listChannels } from '@/lib/content/articles';
import { locales } from '@/lib/i18n/locales';
import { paths } from '@/lib/i18n/paths';
import { resolveLocale } from '@/lib/i18n/server';
import { feedLinks } from '@/lib/seo/feed-links';
import { notFoundMetadata, pageMetadata } from '@/lib/seo/metadata';
import { ChannelRoute } from './channel-route';

export const revalidate = 60;

export async function generateStaticParams() {
  // Same channel slugs in both languages; the locale comes from the layout.
  return listChannels(locales[0]).map((channel) => ({ section: channel.slug }));
}

export async function generateMetadata({ params }: PageProps<'/[locale]/[consent]/[section]'>): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const { section } = await params;
  const data = getChannelPage(locale, section, 1);
  if (!data) return notFoundMetadata(locale);
  return pageMetadata({
    locale,
    path: paths.channel(locale, section),
    title: data.channel.name,
    description: data.channel.description,
    alternates: { en: paths.channel('en', section), zh: paths.channel('zh', section) },
    feeds: await feedLinks(locale, data.channel),
  });
}

/** Page 1 of a channel. Later pages: ./page/[page] (the proxy maps `?page=N` there). */
export default async function ChannelPage({ params }: PageProps<'/[locale]/[consent]/[section]'>) {
  const locale = await resolveLocale(params);
  const { section } = await params;
  return <ChannelRoute locale={locale} section={section} page={1} />;
}
