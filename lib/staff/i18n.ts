import { getFormatter, getTranslations } from 'next-intl/server';
import type { StaffLocale } from './roles';
import { currentStaff } from './session';

/**
 * The staff area's language is the signed-in account's own (set at /admin/account), not the
 * reader site's: a Chinese-speaking reporter and an English-speaking editor share one
 * newsroom. Pages seen signed out (login, an invitation) are in English.
 */
export const DEFAULT_ADMIN_LOCALE: StaffLocale = 'en';

export async function adminLocale(): Promise<StaffLocale> {
  return (await currentStaff())?.locale ?? DEFAULT_ADMIN_LOCALE;
}

export async function adminTranslations() {
  return getTranslations({ locale: await adminLocale(), namespace: 'Admin' });
}

export async function adminFormatter() {
  return getFormatter({ locale: await adminLocale() });
}
