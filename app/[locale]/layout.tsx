import type { Metadata, Viewport } from 'next';
import { getTranslations } from 'next-intl/server';
import { ErrorTextProvider } from '@/components/layout/ErrorText.client';
import { SiteFooter } from '@/components/layout/SiteFooter';
import { SkipLink } from '@/components/layout/SkipLink';
import { htmlLang, locales } from '@/lib/i18n/locales';
import { paths } from '@/lib/i18n/paths';
import { resolveLocale } from '@/lib/i18n/server';
import { site, siteName } from '@/lib/site';
import '../globals.css';

export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: LayoutProps<'/[locale]'>): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'Meta' });
  const name = siteName(locale);
  return {
    metadataBase: new URL(site.url),
    title: name,
    description: t('siteDescription'),
    applicationName: name,
  };
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#0b2545',
};

export default async function LocaleLayout({ children, params }: LayoutProps<'/[locale]'>) {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'Error' });
  const year = Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: site.timeZone }).format(new Date()));
  return (
    <html lang={htmlLang[locale]}>
      <body className="flex min-h-screen flex-col">
        {/* React puts this in <head>: the Metadata API has no rel="search". Lets browsers add the site's search. */}
        <link rel="search" type="application/opensearchdescription+xml" title={siteName(locale)} href={paths.openSearch(locale)} />
        {/* No translation runtime in the browser: client components get their strings as props. */}
        <ErrorTextProvider text={{ title: t('title'), body: t('body'), retry: t('retry'), home: t('home') }}>
          <SkipLink />
          {children}
          <SiteFooter locale={locale} site={site} year={year} />
        </ErrorTextProvider>
      </body>
    </html>
  );
}
