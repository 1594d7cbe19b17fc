import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getChannelPage } from '@/lib/content/articles';
import { otherLocale } from '@/lib/i18n/locales';
import { paths } from '@/lib/i18n/paths';
import { resolveLocale } from '@/lib/i18n/server';
import { feedLinks } from '@/lib/seo/feed-links';
import { notFoundMetadata, pageMetadata } from '@/lib/seo/metadata';
import { ChannelRoute } from '../../channel-route';

export const revalidate = 60;

// Rendered on first request, then cached like the rest (an empty list still enables that).
export async function generateStaticParams() {
  return [];
}

function pageNumber(value: string): number {
  return /^[1-9][0-9]{0,5}$/.test(value) ? Number(value) : NaN;
}

export async function generateMetadata({ params }: PageProps<'/[locale]/[consent]/[section]/page/[page]'>): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const { section, page } = await params;
  const data = getChannelPage(locale, section, pageNumber(page));
  if (!data) return notFoundMetadata(locale);
  const t = await getTranslations({ locale, namespace: 'Channel' });
  const n = data.page.page;
  const other = otherLocale(locale);
  // The other language has fewer articles: its page N may not exist.
  const otherHasPage = getChannelPage(other, section, n) !== null;
  return pageMetadata({
    locale,
    path: paths.channel(locale, section, n),
    title: t('pageTitle', { channel: data.channel.name, page: n }),
    description: data.channel.description,
    alternates: otherHasPage ? { [other]: paths.channel(other, section, n) } : undefined,
    feeds: await feedLinks(locale, data.channel),
  });
}

/** Page 2 and beyond of a channel, reached through `/{locale}/{section}?page=N`. */
export default async function ChannelNthPage({ params }: PageProps<'/[locale]/[consent]/[section]/page/[page]'>) {
  const locale = await resolveLocale(params);
  const { section, page } = await params;
  const n = pageNumber(page);
  // Page 1 lives at the channel's own URL; the proxy redirects ?page=1 there.
  if (n === 1) notFound();
  return <ChannelRoute locale={locale} section={section} page={n} />;
}
