import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageShell } from '@/components/layout/PageShell';
import { ChannelView } from '@/components/section/ChannelView';
import { getChannelPage, listChannels } from '@/lib/content/articles';
import { locales, otherLocale } from '@/lib/i18n/locales';
import { paths } from '@/lib/i18n/paths';
import { resolveLocale } from '@/lib/i18n/server';
import { listMostRead } from '@/lib/content/most-read';
import { JsonLd } from '@/components/seo/JsonLd';
import { channelCrumbs } from '@/lib/seo/crumbs';
import { feedLinks } from '@/lib/seo/feed-links';
import { breadcrumbJsonLd } from '@/lib/seo/json-ld';
import { notFoundMetadata, pageMetadata } from '@/lib/seo/metadata';

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
  const data = getChannelPage(locale, section, 1);
  if (!data) notFound();
  const other = otherLocale(locale);
  return (
    <PageShell
      locale={locale}
      channels={listChannels(locale)}
      activeChannel={section}
      languageTarget={{ locale: other, href: paths.channel(other, section), kind: 'channel' }}
    >
      <ChannelView
        locale={locale}
        channel={data.channel}
        page={data.page}
        mostRead={listMostRead(locale, { channel: data.channel.slug })}
      />
      <JsonLd data={breadcrumbJsonLd(await channelCrumbs(locale, data.channel))} />
    </PageShell>
  );
}
