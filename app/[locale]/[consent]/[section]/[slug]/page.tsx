import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { ArticleView } from '@/components/article/ArticleView';
import { PageShell } from '@/components/layout/PageShell';
import {
  findArticle,
  findTranslation,
  getChannel,
  listArticlesToPrerender,
  listChannels,
  listRelatedArticles,
} from '@/lib/content/articles';
import { withResponsiveImages } from '@/lib/content/body';
import { headlineWithSeries } from '@/lib/content/headline';
import { isLocale, otherLocale } from '@/lib/i18n/locales';
import { paths } from '@/lib/i18n/paths';
import { resolveLocale } from '@/lib/i18n/server';
import { JsonLd } from '@/components/seo/JsonLd';
import { toShanghaiIso } from '@/lib/time';
import { articleCrumbs } from '@/lib/seo/crumbs';
import { feedLinks } from '@/lib/seo/feed-links';
import { breadcrumbJsonLd, newsArticleJsonLd } from '@/lib/seo/json-ld';
import { absoluteUrl } from '@/lib/seo/absolute-url';
import { notFoundMetadata, pageMetadata } from '@/lib/seo/metadata';

// Cached after the first request and refreshed in the background at most every five minutes.
export const revalidate = 300;

/** Only the newest articles are built ahead; the rest render on first request, then stay cached. */
const PRERENDERED_PER_LOCALE = 24;

export async function generateStaticParams({ params }: { params: { locale: string } }) {
  if (!isLocale(params.locale)) return [];
  return listArticlesToPrerender(params.locale, PRERENDERED_PER_LOCALE).map((ref) => ({
    section: ref.channel,
    slug: ref.slug,
  }));
}

export async function generateMetadata({ params }: PageProps<'/[locale]/[consent]/[section]/[slug]'>): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const { section, slug } = await params;
  const lookup = findArticle(locale, section, slug);
  if (lookup.kind !== 'found') return notFoundMetadata(locale);
  const { article } = lookup;
  const channel = getChannel(locale, article.channel);
  if (!channel) return notFoundMetadata(locale);
  const translation = findTranslation(article);
  const published = toShanghaiIso(article.publishedAt);
  return pageMetadata({
    locale,
    path: paths.article(locale, article.channel, article.slug),
    title: headlineWithSeries(article),
    description: article.summary,
    // A single-language article announces only itself.
    alternates: translation
      ? { [translation.locale]: paths.article(translation.locale, translation.channel, translation.slug) }
      : undefined,
    image: article.image
      ? { src: article.image.src, width: article.image.width, height: article.image.height, alt: article.image.alt }
      : null,
    article: {
      publishedTime: published,
      modifiedTime: article.updatedAt ? toShanghaiIso(article.updatedAt) : published,
      section: channel.name,
      authorUrls: article.authors.map((author) => absoluteUrl(paths.author(locale, author.slug))),
      tags: article.tags.map((tag) => tag.name),
    },
    feeds: await feedLinks(locale, channel),
  });
}

export default async function ArticlePage({ params }: PageProps<'/[locale]/[consent]/[section]/[slug]'>) {
  const locale = await resolveLocale(params);
  const { section, slug } = await params;
  const lookup = findArticle(locale, section, slug);
  if (lookup.kind === 'moved') permanentRedirect(paths.article(lookup.to.locale, lookup.to.channel, lookup.to.slug));
  if (lookup.kind !== 'found') notFound();
  const { article } = lookup;
  const channel = getChannel(locale, article.channel);
  if (!channel) notFound();
  const translation = findTranslation(article);
  const other = otherLocale(locale);
  return (
    <PageShell
      locale={locale}
      channels={listChannels(locale)}
      activeChannel={article.channel}
      languageTarget={
        translation
          ? { locale: other, href: paths.article(other, translation.channel, translation.slug), kind: 'translation' }
          : { locale: other, href: paths.channel(other, article.channel), kind: 'channel' }
      }
    >
      <ArticleView
        article={article}
        bodyHtml={withResponsiveImages(article.bodyHtml)}
        channel={channel}
        related={listRelatedArticles(article)}
      />
      <JsonLd data={[newsArticleJsonLd(article, channel), breadcrumbJsonLd(await articleCrumbs(article, channel))]} />
    </PageShell>
  );
}
