import { useTranslations } from 'next-intl';
import type { Locale } from '@/lib/i18n/locales';
import { paths } from '@/lib/i18n/paths';
import { SEARCH_QUERY_MAX_CHARS } from '@/lib/search/types';

/**
 * The header's way to search, on every page and without JavaScript: from 640 px a search field
 * (a plain GET form to the search page); on narrower screens, where the field would crowd the
 * site name and the language switch, a link to the search page, whose own form comes first.
 */
export function HeaderSearch({ locale }: { locale: Locale }) {
  const t = useTranslations('Search');
  const id = 'header-search-q';
  return (
    <>
      <form role="search" aria-label={t('headerFormLabel')} action={paths.search(locale)} method="get" className="hidden items-center sm:flex">
        <label htmlFor={id} className="sr-only">
          {t('fieldLabel')}
        </label>
        <input
          id={id}
          name="q"
          type="search"
          maxLength={SEARCH_QUERY_MAX_CHARS}
          placeholder={t('placeholder')}
          className="min-h-11 w-full min-w-0 rounded-l-full border border-white/70 bg-white px-4 text-ink-900 placeholder:text-ink-600"
        />
        <button type="submit" className="min-h-11 w-24 shrink-0 rounded-r-full border border-l-0 border-white/70 bg-accent-700 px-2 font-semibold text-white hover:bg-accent-600">
          {t('submit')}
        </button>
      </form>
      <a
        href={paths.search(locale)}
        className="inline-flex size-11 shrink-0 items-center justify-center rounded-full border border-white/70 text-white hover:bg-white hover:text-brand-900 sm:hidden"
      >
        {/* An icon on phones, where the site name and the language switch leave no room for a word. */}
        <svg aria-hidden="true" viewBox="0 0 20 20" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="2.2">
          <circle cx="8.5" cy="8.5" r="5.5" />
          <path d="M13 13l5 5" strokeLinecap="round" />
        </svg>
        <span className="sr-only">{t('open')}</span>
      </a>
    </>
  );
}
