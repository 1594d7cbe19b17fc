import { locale as rootLocale } from 'next/root-params';
import { setRequestLocale } from 'next-intl/server';
import { NotFoundView } from '@/components/pages/NotFoundView';
import { defaultLocale, isLocale } from '@/lib/i18n/locales';

/**
 * The not-found boundary, for the rare notFound() during rendering: the proxy answers known
 * misses itself with the full, server-rendered missing/ page. Next.js 16 renders this boundary
 * in the browser and ships it inside every page's payload, so it stays small. The locale comes
 * from the root parameter, not from request headers (which would make pages dynamic).
 */
export default async function NotFound() {
  const requested = await rootLocale();
  const locale = isLocale(requested) ? requested : defaultLocale;
  setRequestLocale(locale);
  return (
    <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
      <NotFoundView locale={locale} latest={[]} />
    </main>
  );
}
