'use client';

import { useEffect, useRef, useState } from 'react';
import type { ArticleSummary, Paged } from '@/lib/content/types';
import type { Locale } from '@/lib/i18n/locales';
import { paths } from '@/lib/i18n/paths';
import { ArticleCard } from './ArticleCard';

type ChannelPage = Paged<ArticleSummary>;

/** The button's strings, translated on the server; `loaded[n - 1]` announces n more articles. */
export interface LoadMoreText {
  button: string;
  loading: string;
  error: string;
  retry: string;
  end: string;
  loaded: string[];
}

async function fetchChannelPage(locale: Locale, channel: string, page: number, signal: AbortSignal) {
  const response = await fetch(paths.channelApi(locale, channel, page), { signal, headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as ChannelPage;
}

/**
 * "Load more" under a channel list: fetches the following pages from the JSON route. The first
 * page is the server-rendered list, so loading a channel page makes no request here. Plain
 * state and fetch: a data-fetching library would cost more JavaScript than this whole page's
 * own code (docs/decisions/0009-javascript-budget.md).
 */
export function LoadMore({
  locale,
  channel,
  firstPage,
  text,
}: {
  locale: Locale;
  channel: string;
  firstPage: ChannelPage;
  text: LoadMoreText;
}) {
  // The button only works with JavaScript, so it appears once the page is interactive;
  // its row is reserved from the start so nothing moves when it does.
  const [ready, setReady] = useState(false);
  const [loaded, setLoaded] = useState<ChannelPage[]>([]);
  const [status, setStatus] = useState<'idle' | 'loading' | 'error'>('idle');
  const inFlight = useRef<AbortController | null>(null);
  useEffect(() => {
    setReady(true);
    return () => inFlight.current?.abort();
  }, []);

  const last = loaded.at(-1) ?? firstPage;
  const hasNext = last.page < last.totalPages;

  async function loadNext() {
    if (status === 'loading' || !hasNext) return;
    const controller = new AbortController();
    inFlight.current = controller;
    setStatus('loading');
    try {
      const next = await fetchChannelPage(locale, channel, last.page + 1, controller.signal);
      setLoaded((pages) => [...pages, next]);
      setStatus('idle');
    } catch {
      if (!controller.signal.aborted) setStatus('error');
    }
  }

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
        {lastLoaded && lastLoaded.items.length > 0 ? (text.loaded[lastLoaded.items.length - 1] ?? '') : ''}
      </p>
      <div className="mt-10 flex min-h-12 flex-col items-center gap-3">
        {!ready ? null : status === 'error' ? (
          <>
            <p role="alert" className="text-accent-700">
              {text.error}
            </p>
            <button type="button" onClick={() => void loadNext()} className="btn-primary">
              {text.retry}
            </button>
          </>
        ) : hasNext ? (
          <button
            type="button"
            onClick={() => void loadNext()}
            disabled={status === 'loading'}
            aria-busy={status === 'loading'}
            className="btn-primary"
          >
            {status === 'loading' ? text.loading : text.button}
          </button>
        ) : loaded.length > 0 ? (
          <p className="text-ink-600">{text.end}</p>
        ) : null}
      </div>
    </div>
  );
}
