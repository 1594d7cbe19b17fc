import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ChannelPageView } from '@/components/section/ChannelPageView';
import { listChannels } from '@/lib/content/articles';
import { getChannelPage } from '@/lib/content/pages';
import { locales } from '@/lib/i18n/locales';
import { resolveLocale } from '@/lib/i18n/server';
import { notFoundMetadata } from '@/lib/seo/metadata';
import { channelMetadata } from '@/lib/seo/page-metadata';

export const revalidate = 60;

export async function generateStaticParams() {
  // Same channel slugs in both languages; the locale comes from the layout.
  return (await listChannels(locales[0])).map((channel) => ({ section: channel.slug }));
}

export async function generateMetadata({ params }: PageProps<'/[locale]/[consent]/[section]'>): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const data = await getChannelPage({ locale, channel: (await params).section, page: 1 });
  return data ? channelMetadata(data) : notFoundMetadata(locale);
}

/** Page 1 of a channel. Later pages: ./page/[page] (the proxy maps `?page=N` there). */
export default async function ChannelPage({ params }: PageProps<'/[locale]/[consent]/[section]'>) {
  const locale = await resolveLocale(params);
  const data = await getChannelPage({ locale, channel: (await params).section, page: 1 });
  if (!data) notFound();
  return <ChannelPageView data={data} />;
}
