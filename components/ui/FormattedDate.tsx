import { dateFormats, formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';

/** A `<time>` whose text follows the page's locale in Asia/Shanghai time; renders the same on server and browser. */
export function FormattedDate({
  locale,
  value,
  format = 'short',
  className,
}: {
  locale: Locale;
  value: string;
  format?: keyof typeof dateFormats;
  className?: string;
}) {
  return (
    <time dateTime={value} className={className}>
      {formatDate(locale, value, format)}
    </time>
  );
}
