import { useTranslations } from 'next-intl';
import type { Channel } from '@/lib/content/types';
import type { Locale } from '@/lib/i18n/locales';
import { paths } from '@/lib/i18n/paths';
import type { SearchFormValues } from '@/lib/search/page';
import { SEARCH_ORDERS, SEARCH_QUERY_MAX_CHARS, SEARCH_TIMES, type SearchOrder, type SearchTime } from '@/lib/search/types';

const TIME_LABELS: Record<SearchTime, 'timeAny' | 'timeDay' | 'timeWeek' | 'timeMonth' | 'timeYear'> = {
  any: 'timeAny',
  day: 'timeDay',
  week: 'timeWeek',
  month: 'timeMonth',
  year: 'timeYear',
};
const ORDER_LABELS: Record<SearchOrder, 'orderRelevance' | 'orderNewest'> = { relevance: 'orderRelevance', newest: 'orderNewest' };

function FilterSelect({ name, label, value, options }: { name: string; label: string; value: string; options: { value: string; label: string }[] }) {
  return (
    <label className="block text-sm">
      {label}
      <select name={name} defaultValue={value} className="mt-1 block min-h-11 w-full rounded border border-ink-600 bg-white px-3 text-ink-900">
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * The search page's form: the words and the filters in one plain GET form, so a search is an
 * address (the back button and shared links work, no JavaScript needed). A new search starts at
 * page 1: the page number is not in the form. Defaults are sent as they are; the proxy's 308
 * drops them from the address.
 */
export function SearchForm({
  locale,
  values,
  channels,
  showFilters = false,
}: {
  locale: Locale;
  values: SearchFormValues;
  channels: Channel[];
  /** Open the filters even when none is set (the address asked for one that does not exist). */
  showFilters?: boolean;
}) {
  const t = useTranslations('Search');
  const filtered = showFilters || values.channel !== '' || values.time !== 'any' || values.order !== 'relevance';
  return (
    <form role="search" aria-label={t('pageFormLabel')} action={paths.search(locale)} method="get" className="rounded-lg border border-ink-300 bg-ink-50 p-4">
      <label htmlFor="search-q" className="block font-semibold">
        {t('fieldLabel')}
      </label>
      <div className="mt-1 flex gap-2">
        <input
          id="search-q"
          name="q"
          type="search"
          defaultValue={values.q}
          maxLength={SEARCH_QUERY_MAX_CHARS}
          className="min-h-11 w-full min-w-0 flex-1 rounded border border-ink-600 bg-white px-3 text-ink-900"
        />
        <button type="submit" className="btn-primary shrink-0">
          {t('submit')}
        </button>
      </div>
      {/* Closed unless a filter is set: on a phone the results then start on the first screen. Works without JavaScript. */}
      <details open={filtered} className="mt-3">
        <summary className="inline-flex min-h-11 cursor-pointer items-center rounded font-semibold text-brand-700 underline underline-offset-2">
          {t('filters')}
        </summary>
        <div className="mt-1 grid gap-3 sm:grid-cols-3">
          <FilterSelect
            name="channel"
            label={t('channel')}
            value={values.channel}
            options={[{ value: '', label: t('allChannels') }, ...channels.map((c) => ({ value: c.slug, label: c.name }))]}
          />
          <FilterSelect name="time" label={t('time')} value={values.time} options={SEARCH_TIMES.map((time) => ({ value: time, label: t(TIME_LABELS[time]) }))} />
          <FilterSelect
            name="order"
            label={t('order')}
            value={values.order}
            options={SEARCH_ORDERS.map((order) => ({ value: order, label: t(ORDER_LABELS[order]) }))}
          />
        </div>
      </details>
    </form>
  );
}
