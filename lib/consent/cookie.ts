/*
 * The visitor's cookie choice, kept in one first-party cookie readable by the page's script
 * (the view counter must know whether it may run) and by the proxy (which picks the page
 * variant with or without the banner). Pure functions: used on the server and in the browser.
 *
 * Value: `v{policy}.s{0|1}.{seconds since 1970}`, e.g. `v1.s0.1795606800` — policy version,
 * statistics off or on, and when the choice was made. Strictly necessary storage needs no
 * consent and has no flag; a refusal is recorded like any other choice.
 */

/** Raise when the privacy statement changes what is stored: everyone is asked again. */
export const POLICY_VERSION = 1;
export const CONSENT_COOKIE = 'consent';
/** About twelve months. */
export const CONSENT_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

export interface ConsentChoice {
  version: number;
  statistics: boolean;
  /** When the choice was made (ms since 1970, whole seconds). */
  decidedAt: number;
}

const VALUE = /^v([1-9][0-9]{0,3})\.s([01])\.([0-9]{9,11})$/;

export function formatConsent(choice: ConsentChoice): string {
  return `v${choice.version}.s${choice.statistics ? 1 : 0}.${Math.floor(choice.decidedAt / 1000)}`;
}

/** The choice in a cookie value, or null for a missing or malformed one. */
export function parseConsent(value: string | null | undefined): ConsentChoice | null {
  const match = value ? VALUE.exec(value) : null;
  if (!match) return null;
  return { version: Number(match[1]), statistics: match[2] === '1', decidedAt: Number(match[3]) * 1000 };
}

/** A choice that still counts: made under the current policy, and not from the future or too old. */
export function currentConsent(value: string | null | undefined, now = Date.now()): ConsentChoice | null {
  const choice = parseConsent(value);
  if (!choice || choice.version !== POLICY_VERSION) return null;
  const age = now - choice.decidedAt;
  if (age < -60_000 || age > CONSENT_MAX_AGE_SECONDS * 1000) return null;
  return choice;
}

/** The consent cookie's value in a Cookie header or document.cookie string. */
export function readConsentCookie(cookieHeader: string | null | undefined): string | null {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === CONSENT_COOKIE) return value.join('=');
  }
  return null;
}

/**
 * Pages exist in two static variants, chosen by the proxy: with the banner (no current choice)
 * and without. Internal path segments; they can never be a channel (slugs start with a letter
 * or digit).
 */
export const BANNER_VARIANT = '_ask';
export const QUIET_VARIANT = '_quiet';
export const CONSENT_VARIANTS = [BANNER_VARIANT, QUIET_VARIANT] as const;
export type ConsentVariant = (typeof CONSENT_VARIANTS)[number];

export function variantFor(cookieValue: string | null | undefined, now = Date.now()): ConsentVariant {
  return currentConsent(cookieValue, now) ? QUIET_VARIANT : BANNER_VARIANT;
}

/**
 * Response header naming the variant a page was served in: `ask`, `quiet`, or `any` for pages
 * that look the same either way (feeds, cookie settings). The edge cache keys on its own
 * reading of the cookie and refuses to store a page whose variant disagrees with it
 * (docs/decisions/0011).
 */
export const CONSENT_VARIANT_HEADER = 'X-Consent-Variant';

export function variantName(variant: ConsentVariant): 'ask' | 'quiet' {
  return variant === QUIET_VARIANT ? 'quiet' : 'ask';
}
