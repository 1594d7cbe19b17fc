import { getLocale } from 'next-intl/server';
import { PageShell } from '@/components/layout/PageShell';
import { NotFoundView } from '@/components/pages/NotFoundView';
import { listChannels, listLatestArticles } from '@/lib/content/articles';
import { defaultLocale, isLocale, otherLocale } from '@/lib/i18n/locales';
import { paths } from '@/lib/i18n/paths';

/** The localized 404 page (Next.js sends it with status 404). */
export default async function NotFound() {
  const requested = await getLocale();
  const locale = isLocale(requested) ? requested : defaultLocale;
  const other = otherLocale(locale);
  return (
    <PageShell
      locale={locale}
      channels={listChannels(locale)}
      languageTarget={{ locale: other, href: paths.home(other), kind: 'home' }}
    >
      <NotFoundView locale={locale} latest={listLatestArticles(locale, 5)} />
    </PageShell>
  );
}
