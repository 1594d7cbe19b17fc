'use client';

import { QueryClient, QueryClientProvider, useInfiniteQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { ArticleSummary, Paged } from '@/lib/content/types';
import type { Locale } from '@/lib/i18n/locales';
import { paths } from '@/lib/i18n/paths';
import { ArticleCard } from './ArticleCard';

type ChannelPage = Paged<ArticleSummary>;

async function fetchChannelPage(locale: Locale, channel: string, page: number, signal: AbortSignal) {
  const response = await fetch(paths.channelApi(locale, channel, page), { signal, headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as ChannelPage;
}

function LoadMoreInner({ locale, channel, firstPage }: { locale: Locale; channel: string; firstPage: ChannelPage }) {
  const t = useTranslations('LoadMore');
  // The button only works with JavaScript, so it appears once the page is interactive;
  // its row is reserved from the start so nothing moves when it does.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  const query = useInfiniteQuery({
    queryKey: ['channel-page', locale, channel, firstPage.page],
    queryFn: ({ pageParam, signal }) => fetchChannelPage(locale, channel, pageParam, signal),
    initialPageParam: firstPage.page,
    getNextPageParam: (last) => (last.page < last.totalPages ? last.page + 1 : undefined),
    // The server already rendered this page: start from it, do not fetch it again.
    initialData: { pages: [firstPage], pageParams: [firstPage.page] },
    staleTime: Infinity,
  });

  const pages = query.data?.pages ?? [firstPage];
  const loaded = pages.slice(1);
  const lastLoaded = loaded.at(-1);

  return (
    <div>
      {loaded.length > 0 ? (
        <ul className="mt-10 grid gap-x-6 gap-y-10 sm:grid-cols-2 lg:grid-cols-3">
          {loaded
            .flatMap((p) => p.items)
            .map((article) => (
              <li key={article.id}>
                <ArticleCard article={article} headingLevel={2} />
              </li>
            ))}
        </ul>
      ) : null}
      <p role="status" className="sr-only">
        {lastLoaded ? t('loaded', { count: lastLoaded.items.length }) : ''}
      </p>
      <div className="mt-10 flex min-h-12 flex-col items-center gap-3">
        {!ready ? null : query.isFetchNextPageError ? (
          <>
            <p role="alert" className="text-accent-700">
              {t('error')}
            </p>
            <button type="button" onClick={() => void query.fetchNextPage()} className="btn-primary">
              {t('retry')}
            </button>
          </>
        ) : query.hasNextPage ? (
          <button
            type="button"
            onClick={() => void query.fetchNextPage()}
            disabled={query.isFetchingNextPage}
            aria-busy={query.isFetchingNextPage}
            className="btn-primary"
          >
            {query.isFetchingNextPage ? t('loading') : t('button')}
          </button>
        ) : loaded.length > 0 ? (
          <p className="text-ink-600">{t('end')}</p>
        ) : null}
      </div>
    </div>
  );
}

/** "Load more" under a channel list: fetches the following pages from the JSON route. */
export function LoadMore(props: { locale: Locale; channel: string; firstPage: ChannelPage }) {
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false, retry: 1 } } }),
  );
  return (
    <QueryClientProvider client={client}>
      <LoadMoreInner {...props} />
    </QueryClientProvider>
  );
}
