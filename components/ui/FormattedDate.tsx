import { useFormatter } from 'next-intl';
import { dateFormats } from '@/lib/i18n/format';

/** A `<time>` whose text follows the page's locale in Asia/Shanghai time. */
export function FormattedDate({
  value,
  format = 'short',
  className,
}: {
  value: string;
  format?: keyof typeof dateFormats;
  className?: string;
}) {
  const formatter = useFormatter();
  return (
    <time dateTime={value} className={className}>
      {formatter.dateTime(new Date(value), dateFormats[format])}
    </time>
  );
}
