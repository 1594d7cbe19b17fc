import { notFound } from 'next/navigation';
import { ConsentBanner } from '@/components/consent/ConsentBanner';
import { BANNER_VARIANT, CONSENT_VARIANTS } from '@/lib/consent/cookie';
import { paths } from '@/lib/i18n/paths';
import { resolveLocale } from '@/lib/i18n/server';
import { siteName } from '@/lib/site';

/*
 * Every page exists twice, as static pages: with the cookie banner (no current choice) and
 * without it. The proxy picks one from the consent cookie, so a visitor who has chosen never
 * sees the banner again, with or without JavaScript, and pages stay cacheable
 * (docs/decisions/0005).
 */
export function generateStaticParams() {
  return CONSENT_VARIANTS.map((consent) => ({ consent }));
}

export default async function ConsentVariantLayout({ children, params }: LayoutProps<'/[locale]/[consent]'>) {
  const locale = await resolveLocale(params);
  const { consent } = await params;
  if (!(CONSENT_VARIANTS as readonly string[]).includes(consent)) notFound();
  return (
    <>
      {/* First after the skip link: never over the content, never in the way of focus. */}
      <ConsentBanner
        initiallyOpen={consent === BANNER_VARIANT}
        siteName={siteName(locale)}
        privacyHref={paths.privacy(locale)}
        termsHref={paths.terms(locale)}
      />
      {children}
    </>
  );
}
