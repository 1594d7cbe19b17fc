import { useTranslations } from 'next-intl';
import { htmlLang } from '@/lib/i18n/locales';
import { paths } from '@/lib/i18n/paths';
import type { SearchPage } from '@/lib/search/page';
import { canonicalSearchQuery } from '@/lib/search/query';
import { SEARCH_QUERY_MAX_CHARS, type SearchResults } from '@/lib/search/types';
import { Pagination } from '../section/Pagination';
import { SearchForm } from './SearchForm';
import { SearchHitItem } from './SearchHitItem';

/** The search page's content: the form, then results, a "no results" note, or why the search was refused. */
export function SearchView({ data }: { data: SearchPage }) {
  const t = useTranslations('Search');
  const { outcome } = data;
  return (
    <div className="max-w-3xl">
      <h1 className="text-3xl font-extrabold tracking-tight text-brand-900">{t('title')}</h1>
      <p className="mt-2 text-ink-700">{t('intro')}</p>
      <div className="mt-6">
        <SearchForm
          locale={data.locale}
          values={data.form}
          channels={data.channels}
          showFilters={outcome.kind === 'refused' && outcome.problem !== 'query_too_long'}
        />
      </div>
      <div className="mt-8">
        {outcome.kind === 'empty' ? <p className="text-ink-700">{t('emptyQuery')}</p> : null}
        {outcome.kind === 'refused' ? (
          <section aria-labelledby="search-refused" className="rounded-lg border-l-4 border-accent-700 bg-ink-50 p-4">
            <h2 id="search-refused" className="text-xl font-bold">
              {t('invalidTitle')}
            </h2>
            <p className="mt-2">
              {outcome.problem === 'query_too_long' ? t('queryTooLong', { max: SEARCH_QUERY_MAX_CHARS }) : t('badFilter')}
            </p>
          </section>
        ) : null}
        {outcome.kind === 'results' && outcome.results.total > 0 ? <SearchResultList data={data} results={outcome.results} /> : null}
        {outcome.kind === 'results' && outcome.results.total === 0 ? (
          <NoResults data={data} results={outcome.results} otherLocaleHref={outcome.otherLocaleHref} />
        ) : null}
      </div>
    </div>
  );
}

function SearchResultList({ data, results }: { data: SearchPage; results: SearchResults }) {
  const t = useTranslations('Search');
  const { request } = results;
  return (
    <section aria-labelledby="search-results">
      <h2 id="search-results" className="text-xl font-bold">
        {t('resultsHeading', { total: results.total, query: request.q })}
        {results.totalPages > 1 ? (
          <span className="mt-1 block text-base font-normal text-ink-700">
            {t('resultsPage', { page: request.page, totalPages: results.totalPages })}
          </span>
        ) : null}
      </h2>
      {results.matchedAllWords ? null : <p className="mt-2 text-ink-700">{t('someWordsOnly')}</p>}
      <ol className="mt-4 divide-y divide-ink-100" aria-label={t('resultsLabel')}>
        {results.hits.map((hit) => (
          <li key={`${hit.article.channel}/${hit.article.slug}`} className="py-4">
            <SearchHitItem locale={data.locale} hit={hit} />
          </li>
        ))}
      </ol>
      <Pagination page={request.page} totalPages={results.totalPages} hrefFor={data.pageHref} />
    </section>
  );
}

function NoResults({ data, results, otherLocaleHref }: { data: SearchPage; results: SearchResults; otherLocaleHref: string | null }) {
  const t = useTranslations('Search');
  const { request } = results;
  const filtered = request.channel !== null || request.time !== 'any';
  const other = data.language.locale;
  return (
    <section aria-labelledby="search-none">
      <h2 id="search-none" className="text-xl font-bold">
        {t('noResultsTitle', { query: request.q })}
      </h2>
      <p className="mt-3">{t('noResultsTry')}</p>
      <ul className="mt-1 list-disc pl-6">
        <li>{t('tryFewerWords')}</li>
        <li>{t('trySpelling')}</li>
        <li>
          {filtered ? (
            <a
              href={paths.search(data.locale, canonicalSearchQuery({ ...request, channel: null, time: 'any', page: 1 }))}
              className="text-brand-700 underline underline-offset-2"
            >
              {t('tryClearFilters')}
            </a>
          ) : (
            t('tryFilters')
          )}
        </li>
      </ul>
      {otherLocaleHref && results.otherLocaleTotal ? (
        <p className="mt-4">
          <a href={otherLocaleHref} hrefLang={htmlLang[other]} className="font-semibold text-brand-700 underline underline-offset-2">
            {t.rich('otherLocale', {
              total: results.otherLocaleTotal,
              language: t('otherLocaleLanguage'),
              lang: (chunks) => <span lang={htmlLang[other]}>{chunks}</span>,
            })}
          </a>
        </p>
      ) : null}
    </section>
  );
}
