import type { Target } from './load';

/*
 * Server-side search in the benchmark (issue 16: p50 ≤ 50 ms and p99 ≤ 250 ms at 100,000
 * articles). The queries a reader might type, in both languages, over the synthetic archive's
 * vocabulary (lib/content/seed.ts): single words that match a few per cent of it, pairs, a
 * one-character Chinese query, and a query no article has all of (the fallback to any word).
 * The same list serves the HTTP targets and the direct timing (scripts/bench/search-direct.ts).
 */
export const SEARCH_QUERIES: Record<'en' | 'zh', string[]> = {
  en: ['bridge', 'metro station', 'hotpot festival', 'winter swimming lessons'],
  zh: ['大桥', '火锅', '渝', '地铁 车站'],
};

/**
 * Where the site answers a search, in order of preference: the reader's page, then the JSON
 * API (both built on branch search-ui). The first that answers 200 is measured.
 */
export const SEARCH_PATHS: ((locale: string, q: string) => string)[] = [
  (locale, q) => `/${locale}/search?q=${encodeURIComponent(q)}`,
  (locale, q) => `/api/search?locale=${locale}&q=${encodeURIComponent(q)}`,
];

/** The search targets this server can answer, or [] (and why) when it has no search yet. */
export async function searchTargets(baseUrl: string): Promise<{ targets: Target[]; note: string }> {
  for (const pathFor of SEARCH_PATHS) {
    const probe = pathFor('en', SEARCH_QUERIES.en[0]!);
    const response = await fetch(`${baseUrl}${probe}`).catch(() => null);
    await response?.arrayBuffer();
    if (response?.status !== 200) continue;
    const targets = (['en', 'zh'] as const).flatMap((locale) =>
      SEARCH_QUERIES[locale].map((q) => {
        const path = pathFor(locale, q);
        // Each search runs its queries: rendering, not the cache. 10 connections, as for the uncached article.
        return { name: `search ${locale} "${q}"`, request: `GET ${path}`, path, cachedPage: false, maxConnections: 10 } satisfies Target;
      }),
    );
    return { targets, note: `search measured at ${pathFor('{locale}', '{q}')}` };
  }
  return { targets: [], note: `no search answered 200 (tried ${SEARCH_PATHS.map((p) => p('en', '…')).join(', ')}): search not measured` };
}
