import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { CookieSettingsView } from '@/components/consent/CookieSettingsView';
import { CONSENT_COOKIE, currentConsent } from '@/lib/consent/cookie';
import { paths } from '@/lib/i18n/paths';
import { resolveLocale } from '@/lib/i18n/server';
import { safeReturnPath } from '@/lib/routing/rules';
import { unindexedMetadata } from '@/lib/seo/page-metadata';

/*
 * The cookie settings page: the footer's "Cookie settings" without JavaScript, and the
 * banner's Settings button without JavaScript. It shows this visitor's current choice, so it
 * is rendered per request and never cached.
 */

export async function generateMetadata({ params }: PageProps<'/[locale]/[consent]/cookies'>): Promise<Metadata> {
  return unindexedMetadata(await resolveLocale(params), 'Consent', 'pageTitle');
}

export default async function CookieSettingsPage({ params, searchParams }: PageProps<'/[locale]/[consent]/cookies'>) {
  const locale = await resolveLocale(params);
  const choice = currentConsent((await cookies()).get(CONSENT_COOKIE)?.value);
  const returnTo = safeReturnPath((await searchParams).return, 'reader') ?? paths.cookieSettings(locale);
  return <CookieSettingsView locale={locale} choice={choice} returnTo={returnTo} />;
}
