import {
  BANNER_VARIANT,
  CONSENT_MAX_AGE_SECONDS,
  currentConsent,
  formatConsent,
  parseConsent,
  POLICY_VERSION,
  QUIET_VARIANT,
  readConsentCookie,
  variantFor,
} from '@/lib/consent/cookie';

const NOW = Date.parse('2026-11-25T12:00:00+08:00');

describe('the consent cookie', () => {
  it('records the policy version, the statistics choice and the time in whole seconds', () => {
    const value = formatConsent({ version: POLICY_VERSION, statistics: true, decidedAt: NOW + 999 });
    expect(value).toBe(`v${POLICY_VERSION}.s1.${NOW / 1000}`);
    expect(parseConsent(value)).toEqual({ version: POLICY_VERSION, statistics: true, decidedAt: NOW });
    expect(parseConsent(formatConsent({ version: 1, statistics: false, decidedAt: NOW }))?.statistics).toBe(false);
  });

  it.each(['', 'yes', 'v1.s2.1795600000', 'v1.s1', 'v0.s1.1795600000', 'v1.s1.1795600000;x', 'v1.s1.17956x0000', ' v1.s1.1795600000'])(
    'treats %j as no choice',
    (value) => {
      expect(parseConsent(value)).toBeNull();
      expect(variantFor(value, NOW)).toBe(BANNER_VARIANT);
    },
  );

  it('keeps a refusal like any other choice: no banner, no statistics', () => {
    const refusal = formatConsent({ version: POLICY_VERSION, statistics: false, decidedAt: NOW - 1000 });
    expect(variantFor(refusal, NOW)).toBe(QUIET_VARIANT);
    expect(currentConsent(refusal, NOW)?.statistics).toBe(false);
  });

  it('asks again under a new policy version', () => {
    const old = formatConsent({ version: POLICY_VERSION + 1, statistics: true, decidedAt: NOW });
    expect(parseConsent(old)).not.toBeNull();
    expect(currentConsent(old, NOW)).toBeNull();
    expect(variantFor(old, NOW)).toBe(BANNER_VARIANT);
  });

  it('asks again after about twelve months, and ignores times from the future', () => {
    const decided = (ms: number) => formatConsent({ version: POLICY_VERSION, statistics: true, decidedAt: ms });
    expect(currentConsent(decided(NOW - (CONSENT_MAX_AGE_SECONDS - 60) * 1000), NOW)).not.toBeNull();
    expect(currentConsent(decided(NOW - (CONSENT_MAX_AGE_SECONDS + 60) * 1000), NOW)).toBeNull();
    expect(currentConsent(decided(NOW + 3_600_000), NOW)).toBeNull();
  });

  it('finds its value among other cookies', () => {
    expect(readConsentCookie('a=1; consent=v1.s1.1795600000; b=2')).toBe('v1.s1.1795600000');
    expect(readConsentCookie('notconsent=v1.s1.1795600000')).toBeNull();
    expect(readConsentCookie(null)).toBeNull();
  });
});
