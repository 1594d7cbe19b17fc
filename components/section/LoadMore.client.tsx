'use client';

import { lazy, Suspense, useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { ArticleList } from './ArticleList';
import type { ChannelPage, ChannelPagesState } from './ChannelPagesQuery.client';

/** The button's strings, translated on the server; `loaded[n - 1]` announces n more articles. */
export interface LoadMoreText {
  button: string;
  loading: string;
  error: string;
  retry: string;
  end: string;
  loaded: string[];
}

const loadQuery = () => import('./ChannelPagesQuery.client');
const ChannelPagesQuery = lazy(loadQuery);

// "Is this the browser, after hydration?" without an effect that sets state: the server
// snapshot (false) renders on the server and during hydration, the client one (true) right after.
const subscribeToNothing = () => () => {};
const inBrowser = () => true;
const onServer = () => false;

/**
 * "Load more" under a channel list. The first page is the server-rendered list, so loading a
 * channel page makes no request here. The fetching (TanStack Query, in ChannelPagesQuery) is
 * loaded on the first click, or as soon as the pointer or focus reaches the button, so pages
 * ship none of it on first load (docs/decisions/0009-javascript-budget.md). This component
 * owns the markup, so the button keeps focus throughout.
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
  const ready = useSyncExternalStore(subscribeToNothing, inBrowser, onServer);
  const [wanted, setWanted] = useState(0);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<ChannelPagesState>({ loaded: [], fetching: false, failed: false });
  const onState = useCallback((next: ChannelPagesState) => setState(next), []);

  const { loaded, failed } = state;
  const last = loaded.at(-1) ?? firstPage;
  const hasNext = last.page < last.totalPages;
  // Asked for and not here yet (including while the fetching code itself loads).
  const loading = !failed && wanted > loaded.length;
  const preload = () => void loadQuery();

  // When the last page arrives the button gives way to the end note: a keyboard user whose
  // focus was on the button continues from the note instead of the top of the page.
  const endNote = useRef<HTMLParagraphElement>(null);
  const finished = loaded.length > 0 && !hasNext;
  useEffect(() => {
    if (finished && document.activeElement === document.body) endNote.current?.focus();
  }, [finished]);

  function loadNext() {
    if (loading || !hasNext) return;
    setWanted(loaded.length + 1);
  }

  function retry() {
    setAttempt((n) => n + 1);
  }

  const lastLoaded = loaded.at(-1);
  return (
    <div>
      {wanted > 0 ? (
        <Suspense fallback={null}>
          <ChannelPagesQuery
            locale={locale}
            channel={channel}
            firstPage={firstPage}
            wanted={wanted}
            attempt={attempt}
            onState={onState}
          />
        </Suspense>
      ) : null}
      {loaded.length > 0 ? (
        <ArticleList articles={loaded.flatMap((p) => p.items)} className="mt-10" />
      ) : null}
      <p role="status" className="sr-only">
        {lastLoaded && lastLoaded.items.length > 0 ? (text.loaded[lastLoaded.items.length - 1] ?? '') : ''}
      </p>
      <div className="mt-10 flex min-h-12 flex-col items-center gap-3">
        {!ready ? null : failed ? (
          <>
            <p role="alert" className="text-accent-700">
              {text.error}
            </p>
            <button type="button" onClick={retry} className="btn-primary">
              {text.retry}
            </button>
          </>
        ) : hasNext ? (
          <button
            type="button"
            onClick={loadNext}
            onPointerEnter={preload}
            onFocus={preload}
            aria-disabled={loading}
            aria-busy={loading}
            className="btn-primary"
          >
            {loading ? text.loading : text.button}
          </button>
        ) : loaded.length > 0 ? (
          <p ref={endNote} tabIndex={-1} className="text-ink-600">
            {text.end}
          </p>
        ) : null}
      </div>
    </div>
  );
}
