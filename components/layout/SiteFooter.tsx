import { useTranslations } from 'next-intl';
import type { Locale } from '@/lib/i18n/locales';
import { paths } from '@/lib/i18n/paths';
import type { Site } from '@/lib/site';
import { CookieSettingsLink } from '../consent/CookieSettingsLink.client';

/** Footer of every page: site links, inquiries email, reporting hotline, ICP and licence numbers. */
export function SiteFooter({ locale, site, year }: { locale: Locale; site: Site; year: number }) {
  const t = useTranslations('Footer');
  const linkClass = 'underline-offset-4 hover:underline';
  const footerLinks: [string, string][] = [
    [paths.about(locale), t('about')],
    [paths.contact(locale), t('contact')],
    [paths.contact(locale), t('leaveMessage')],
    [paths.privacy(locale), t('privacy')],
    [paths.terms(locale), t('terms')],
  ];
  return (
    <footer className="mt-16 bg-ink-900 text-ink-100">
      <div className="mx-auto grid max-w-6xl gap-6 px-4 py-10 text-sm leading-relaxed">
        <nav aria-label={t('label')}>
          <ul className="flex flex-wrap gap-x-6 gap-y-2 font-semibold">
            {footerLinks.map(([href, label]) => (
              <li key={label}>
                <a className={linkClass} href={href}>
                  {label}
                </a>
              </li>
            ))}
            <li>
              <CookieSettingsLink
                className={linkClass}
                href={paths.cookieSettings(locale)}
                label={t('cookieSettings')}
              />
            </li>
          </ul>
        </nav>
        <p>
          {t.rich('inquiries', {
            address: site.email,
            email: (chunks) => (
              <a className="underline underline-offset-4" href={`mailto:${site.email}`}>
                {chunks}
              </a>
            ),
          })}
        </p>
        <p>{t('hotline', { phone: site.hotline })}</p>
        <p className="flex flex-wrap gap-x-6 gap-y-1">
          <a
            href={site.icp.url}
            target="_blank"
            rel="noopener noreferrer"
            aria-label={`${site.icp.number} (${t('icpLabel')})`}
            className={linkClass}
          >
            {site.icp.number}
          </a>
          <span>{t('licence', { number: site.newsLicence })}</span>
        </p>
        <p className="text-ink-300">{t('copyright', { year, site: site.name[locale] })}</p>
      </div>
    </footer>
  );
}
