'use client';

import { QueryClient, QueryClientProvider, useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { ArticleSummary, Paged } from '@/lib/content/types';
import type { Locale } from '@/lib/i18n/locales';
import { paths } from '@/lib/i18n/paths';

export type ChannelPage = Paged<ArticleSummary>;

/** What the engine reports to the "Load more" button: the pages after the first, and how the last request went. */
export interface ChannelPagesState {
  loaded: ChannelPage[];
  fetching: boolean;
  failed: boolean;
}

export interface ChannelPagesQueryProps {
  locale: Locale;
  channel: string;
  firstPage: ChannelPage;
  /** How many pages after the first the reader has asked for. */
  wanted: number;
  /** Incremented by "Try again" after a failure. */
  attempt: number;
  onState: (state: ChannelPagesState) => void;
}

async function fetchChannelPage(locale: Locale, channel: string, page: number, signal: AbortSignal): Promise<ChannelPage> {
  const response = await fetch(paths.channelApi(locale, channel, page), { signal, headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as ChannelPage;
}

function Pages({ locale, channel, firstPage, wanted, attempt, onState }: ChannelPagesQueryProps) {
  const query = useInfiniteQuery({
    queryKey: ['channel-page', locale, channel, firstPage.page],
    queryFn: ({ pageParam, signal }) => fetchChannelPage(locale, channel, pageParam, signal),
    initialPageParam: firstPage.page,
    getNextPageParam: (last) => (last.page < last.totalPages ? last.page + 1 : undefined),
    // The server already rendered the first page: start from it, never fetch it again.
    initialData: { pages: [firstPage], pageParams: [firstPage.page] },
    staleTime: Infinity,
  });
  const pages = query.data?.pages;
  const loadedCount = (pages?.length ?? 1) - 1;
  const failedAttempt = useRef<number | null>(null);

  useEffect(() => {
    onState({ loaded: pages?.slice(1) ?? [], fetching: query.isFetchingNextPage, failed: query.isFetchNextPageError });
  }, [pages, query.isFetchingNextPage, query.isFetchNextPageError, onState]);

  useEffect(() => {
    if (loadedCount >= wanted || !query.hasNextPage || query.isFetchingNextPage) return;
    // After a failure, wait for "Try again" rather than retrying in a loop.
    if (query.isFetchNextPageError && failedAttempt.current === attempt) return;
    failedAttempt.current = attempt;
    void query.fetchNextPage();
  }, [wanted, attempt, loadedCount, query]);

  return null;
}

/**
 * The data side of "Load more": TanStack Query's infinite query over the channel's JSON route,
 * seeded with the server-rendered first page. It renders nothing; the button (LoadMore) owns
 * the markup and focus. Loaded with `React.lazy` on the first click, so it costs no
 * JavaScript on first load (docs/decisions/0009-javascript-budget.md).
 */
export default function ChannelPagesQuery(props: ChannelPagesQueryProps) {
  // One client per list: nothing else on a page shares its cache.
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: 1 } } }));
  return (
    <QueryClientProvider client={client}>
      <Pages {...props} />
    </QueryClientProvider>
  );
}
