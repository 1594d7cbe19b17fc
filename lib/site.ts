import { env } from './env';
import type { Locale } from './i18n/locales';
import { SITE_TIME_ZONE } from './time';

/**
 * The publication's identity. Another publication sets its own through the environment
 * (see README); nothing else in the code base hard-codes these values.
 */
export const site = {
  name: {
    en: env.SITE_NAME_EN ?? 'iChongqing',
    zh: env.SITE_NAME_ZH ?? 'iChongqing 重庆',
  } satisfies Record<Locale, string>,
  url: env.SITE_URL,
  email: env.SITE_EMAIL ?? 'service@ichongqing.info',
  hotline: env.SITE_HOTLINE ?? '+86-23-67230470',
  icp: {
    number: env.SITE_ICP ?? '渝ICP备20009753号',
    url: env.SITE_ICP_URL ?? 'https://beian.miit.gov.cn/',
  },
  newsLicence: env.SITE_NEWS_LICENCE ?? '50120220004',
  timeZone: SITE_TIME_ZONE,
  /** The publisher's logo (structured data) and the picture shared for pages without their own. */
  logo: { src: '/brand/logo-512.png', width: 512, height: 512 },
  shareImage: { src: '/brand/og-default.png', width: 1200, height: 630 },
  /** When the privacy statement and terms were last revised. */
  legalUpdatedAt: '2026-11-25T00:00:00+08:00',
} as const;

export type Site = typeof site;

export function siteName(locale: Locale): string {
  return site.name[locale];
}
