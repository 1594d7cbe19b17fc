import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ChannelPageView } from '@/components/section/ChannelPageView';
import { getChannelPage } from '@/lib/content/pages';
import { resolveLocale } from '@/lib/i18n/server';
import { parsePageNumber } from '@/lib/routing/rules';
import { notFoundMetadata } from '@/lib/seo/metadata';
import { channelMetadata } from '@/lib/seo/page-metadata';

export const revalidate = 60;

// Rendered on first request, then cached like the rest (an empty list still enables that).
export async function generateStaticParams() {
  return [];
}

type Props = PageProps<'/[locale]/[consent]/[section]/page/[page]'>;

/** Page 2 and beyond; page 1 lives at the channel's own URL (the proxy redirects ?page=1 there). */
async function load({ params }: Props) {
  const locale = await resolveLocale(params);
  const { section, page } = await params;
  const number = parsePageNumber(page);
  const data = number && number > 1 ? await getChannelPage({ locale, channel: section, page: number }) : null;
  return { locale, data };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale, data } = await load(props);
  return data ? channelMetadata(data) : notFoundMetadata(locale);
}

/** Reached through `/{locale}/{section}?page=N`. */
export default async function ChannelNthPage(props: Props) {
  const { data } = await load(props);
  if (!data) notFound();
  return <ChannelPageView data={data} />;
}
