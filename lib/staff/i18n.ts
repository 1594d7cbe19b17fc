import { getFormatter, getTranslations } from 'next-intl/server';

/**
 * The staff area is in English (its root layout says so); its strings still live in both
 * catalogues under `Admin`, so a Chinese staff area is a matter of changing this constant.
 */
export const ADMIN_LOCALE = 'en' as const;

export function adminTranslations() {
  return getTranslations({ locale: ADMIN_LOCALE, namespace: 'Admin' });
}

export function adminFormatter() {
  return getFormatter({ locale: ADMIN_LOCALE });
}
