import { SITE_TIME_ZONE } from '../time';
import type { Locale } from './locales';

/** Date formats used across the site, in the page's locale and the site's time zone (lib/time.ts). */
export const dateFormats = {
  /** "Jan 13, 2023" / "2023年1月13日" */
  short: { year: 'numeric', month: 'short', day: 'numeric' },
  /** "Jan 13, 2023, 15:10" / "2023年1月13日 15:10" */
  withTime: { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

/*
 * Intl.DateTimeFormat directly rather than next-intl's formatter (which wraps the same call):
 * article cards also render in the browser ("Load more"), and next-intl's client runtime
 * would add 12 KB gzip to every page's JavaScript (docs/decisions/0009-javascript-budget.md).
 * The explicit time zone keeps server and browser in agreement.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatDate(locale: Locale, value: string | Date, format: keyof typeof dateFormats = 'short'): string {
  const key = `${locale}:${format}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { ...dateFormats[format], timeZone: SITE_TIME_ZONE });
    formatters.set(key, formatter);
  }
  return formatter.format(typeof value === 'string' ? new Date(value) : value);
}
