import { useTranslations } from 'next-intl';
import type { ArticleSummary, Channel, Paged } from '@/lib/content/types';
import type { Locale } from '@/lib/i18n/locales';
import { paths } from '@/lib/i18n/paths';
import { ArticleList } from './ArticleList';
import { LoadMore } from './LoadMore.client';
import { MostRead } from './MostRead';
import { Pagination } from './Pagination';

export function ChannelView({
  locale,
  channel,
  page,
  mostRead,
}: {
  locale: Locale;
  channel: Channel;
  page: Paged<ArticleSummary>;
  mostRead: ArticleSummary[];
}) {
  const t = useTranslations('Channel');
  const more = useTranslations('LoadMore');
  const loadMoreText = {
    button: more('button'),
    loading: more('loading'),
    error: more('error'),
    retry: more('retry'),
    end: more('end'),
    // The announcement counts the articles one click added: at most a page's worth.
    loaded: Array.from({ length: page.pageSize }, (_, i) => more('loaded', { count: i + 1 })),
  };
  return (
    <>
      <header className="mb-8 border-b-4 border-brand-900 pb-4">
        <h1 className="text-3xl font-extrabold text-brand-900 sm:text-4xl">
          {page.page > 1 ? t('pageTitle', { channel: channel.name, page: page.page }) : channel.name}
        </h1>
        {channel.description ? <p className="mt-2 text-lg text-ink-700">{channel.description}</p> : null}
        {page.totalPages > 1 ? (
          <p className="mt-1 text-sm text-ink-600">{t('pageOf', { page: page.page, total: page.totalPages })}</p>
        ) : null}
      </header>
      {page.items.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <>
          <ArticleList articles={page.items} />
          <LoadMore locale={locale} channel={channel.slug} firstPage={page} text={loadMoreText} />
        </>
      )}
      <Pagination
        page={page.page}
        totalPages={page.totalPages}
        hrefFor={(p) => paths.channel(locale, channel.slug, p)}
      />
      <MostRead articles={mostRead} id="most-read" />
    </>
  );
}
