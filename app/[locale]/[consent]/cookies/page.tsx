import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { ConsentSettingsForm } from '@/components/consent/ConsentSettingsForm';
import { PageShell } from '@/components/layout/PageShell';
import { TextPage } from '@/components/pages/TextPage';
import { CONSENT_COOKIE, currentConsent } from '@/lib/consent/cookie';
import { listChannels } from '@/lib/content/articles';
import { otherLocale } from '@/lib/i18n/locales';
import { paths } from '@/lib/i18n/paths';
import { resolveLocale } from '@/lib/i18n/server';
import { documentTitle } from '@/lib/seo/title';
import { siteName } from '@/lib/site';

/*
 * The cookie settings page: the footer's "Cookie settings" without JavaScript, and the
 * banner's Settings button without JavaScript. It shows this visitor's current choice, so it
 * is rendered per request and never cached.
 */

const RETURN_PATH = /^\/(en|zh)(\/[A-Za-z0-9\-._~%/]*)?(\?[A-Za-z0-9\-._~%=&]*)?$/;

export async function generateMetadata({ params }: PageProps<'/[locale]/[consent]/cookies'>): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'Consent' });
  return { title: { absolute: documentTitle(t('pageTitle'), siteName(locale)) }, robots: { index: false, follow: true } };
}

export default async function CookieSettingsPage({ params, searchParams }: PageProps<'/[locale]/[consent]/cookies'>) {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'Consent' });
  const choice = currentConsent((await cookies()).get(CONSENT_COOKIE)?.value);
  const requested = (await searchParams).return;
  const returnTo = typeof requested === 'string' && RETURN_PATH.test(requested) ? requested : paths.cookieSettings(locale);
  const other = otherLocale(locale);
  return (
    <PageShell
      locale={locale}
      channels={listChannels(locale)}
      languageTarget={{ locale: other, href: paths.cookieSettings(other), kind: 'page' }}
    >
      <TextPage title={t('pageTitle')}>
        <p>{t('pageIntro')}</p>
        <ConsentSettingsForm locale={locale} choice={choice} returnTo={returnTo} />
      </TextPage>
    </PageShell>
  );
}
