import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { ArticlePageView } from '@/components/article/ArticlePageView';
import { listArticlesToPrerender } from '@/lib/content/articles';
import { getArticlePage } from '@/lib/content/pages';
import { isLocale } from '@/lib/i18n/locales';
import { paths } from '@/lib/i18n/paths';
import { resolveLocale } from '@/lib/i18n/server';
import { notFoundMetadata } from '@/lib/seo/metadata';
import { articleMetadata } from '@/lib/seo/page-metadata';

// Cached after the first request and refreshed in the background at most every five minutes.
export const revalidate = 300;

/** Only the newest articles are built ahead; the rest render on first request, then stay cached. */
const PRERENDERED_PER_LOCALE = 24;

export async function generateStaticParams({ params }: { params: { locale: string } }) {
  if (!isLocale(params.locale)) return [];
  return (await listArticlesToPrerender(params.locale, PRERENDERED_PER_LOCALE)).map((ref) => ({
    section: ref.channel,
    slug: ref.slug,
  }));
}

type Props = PageProps<'/[locale]/[consent]/[section]/[slug]'>;

async function load({ params }: Props) {
  const locale = await resolveLocale(params);
  const { section, slug } = await params;
  return { locale, lookup: await getArticlePage({ locale, channel: section, slug }) };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale, lookup } = await load(props);
  return lookup.kind === 'found' ? articleMetadata(lookup.page) : notFoundMetadata(locale);
}

export default async function ArticlePage(props: Props) {
  const { lookup } = await load(props);
  if (lookup.kind === 'moved') permanentRedirect(paths.article(lookup.to.locale, lookup.to.channel, lookup.to.slug));
  if (lookup.kind !== 'found') notFound();
  return <ArticlePageView data={lookup.page} />;
}
