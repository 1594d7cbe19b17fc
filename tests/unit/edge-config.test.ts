import fs from 'node:fs';
import { formatConsent, parseConsent, POLICY_VERSION } from '@/lib/consent/cookie';
import { locales } from '@/lib/i18n/locales';
import { EDGE_TEMPLATE, renderEdgeConfig } from '@/scripts/lib/edge';

/*
 * The shipped nginx configuration repeats two facts of the app in its own language: what a
 * consent cookie of the current policy looks like, and which path prefixes are locales. These
 * tests keep the copies equal. Its behaviour is tested in real nginx (tests/e2e/edge-cache).
 */

const template = fs.readFileSync(EDGE_TEMPLATE, 'utf8');

/** The `"~regex" value;` lines of one `map $source $name { … }` block, as JavaScript regexes. */
function mapRegexes(name: string): { pattern: RegExp; value: string }[] {
  const block = new RegExp(`^map [^{\\n]*\\$${name} \\{\\n([\\s\\S]*?)\\n\\}`, 'm').exec(template);
  if (!block) throw new Error(`no map for $${name} in ${EDGE_TEMPLATE}`);
  return [...block[1]!.matchAll(/^\s*"~([^"]+)"\s+(\S*?);/gm)].map((m) => ({ pattern: new RegExp(m[1]!), value: m[2]! }));
}

describe('ops/nginx/edge.conf', () => {
  it('counts a consent cookie as a choice exactly when the app would, apart from its age', () => {
    const quiet = mapRegexes('edge_consent').filter((entry) => entry.value === 'quiet');
    expect(quiet).toHaveLength(1);
    const looksCurrent = (value: string) => quiet[0]!.pattern.test(value);
    const now = Date.now();
    const values = [
      formatConsent({ version: POLICY_VERSION, statistics: true, decidedAt: now }),
      formatConsent({ version: POLICY_VERSION, statistics: false, decidedAt: now - 300 * 86_400_000 }),
      formatConsent({ version: POLICY_VERSION + 1, statistics: true, decidedAt: now }),
      formatConsent({ version: 0, statistics: true, decidedAt: now }),
      `v${POLICY_VERSION}.s2.1790000000`,
      `v${POLICY_VERSION}.s1.17900`,
      `v${POLICY_VERSION}.s1.1790000000x`,
      ` v${POLICY_VERSION}.s1.1790000000`,
      `v${POLICY_VERSION}0.s1.1790000000`,
      'accepted',
      '',
    ];
    for (const value of values) {
      expect([value, looksCurrent(value)]).toEqual([value, parseConsent(value)?.version === POLICY_VERSION]);
    }
  });

  it('keys the 404 page on Accept-Language everywhere but under the locales', () => {
    const localePrefix = mapRegexes('edge_language').find((entry) => entry.pattern.test('/en/news'))!;
    for (const locale of locales) {
      expect(localePrefix.pattern.test(`/${locale}`)).toBe(true);
      expect(localePrefix.pattern.test(`/${locale}/news/a-story`)).toBe(true);
    }
    expect(localePrefix.pattern.test('/fr/news')).toBe(false);
    expect(localePrefix.pattern.test('/english')).toBe(false);
  });

  it('goes around the cache for the staff area, per-visitor pages and every API but "Load more"', () => {
    const rules = mapRegexes('edge_bypass');
    // nginx takes the first matching pattern; no match is the default, 0.
    const bypassed = (uri: string) => rules.find((rule) => rule.pattern.test(uri))?.value === '1';
    for (const uri of ['/admin', '/admin/messages', '/api/contact', '/api/consent', '/api/v1/articles/x', '/en/contact', '/zh/cookies']) {
      expect([uri, bypassed(uri)]).toEqual([uri, true]);
    }
    for (const uri of ['/en', '/en/news', '/en/news/contact', '/api/channels/news/articles', '/administration-notes', '/sitemap.xml']) {
      expect([uri, bypassed(uri)]).toEqual([uri, false]);
    }
  });

  it('fills in its three placeholders and leaves nginx variables alone', () => {
    const config = renderEdgeConfig({ listen: '127.0.0.1:8080', upstream: '127.0.0.1:3000', cacheDir: '/var/cache/nginx/portal' });
    expect(config.split('\n').filter((line) => !line.trimStart().startsWith('#')).join('\n')).not.toMatch(/\$\{/);
    expect(config).toContain('listen 127.0.0.1:8080;');
    expect(config).toContain('server 127.0.0.1:3000 max_fails=1 fail_timeout=5s;');
    expect(config).toContain('proxy_cache_path /var/cache/nginx/portal ');
    expect(config).toContain('proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;');
    expect(() => renderEdgeConfig({ listen: '8080; include /etc/passwd', upstream: '127.0.0.1:3000', cacheDir: '/tmp/x' })).toThrow();
  });

  it('writes one upstream server line per instance, and retries only what is safe to send again', () => {
    const config = renderEdgeConfig({ listen: '8080', upstream: '127.0.0.1:3001,10.0.0.12:3000', cacheDir: '/var/cache/portal' });
    const servers = [...config.matchAll(/^\s*server (\S+) max_fails=1 fail_timeout=5s;$/gm)].map((m) => m[1]);
    expect(servers).toEqual(['127.0.0.1:3001', '10.0.0.12:3000']);
    const retry = /^\s*proxy_next_upstream (.*);$/m.exec(config)![1]!.split(' ');
    // Never non_idempotent (POSTs are not sent twice), never http_503 (the app's own answer).
    expect(retry).toEqual(['error', 'timeout', 'http_502', 'http_504']);
    expect(() => renderEdgeConfig({ listen: '8080', upstream: '127.0.0.1:3001, evil;', cacheDir: '/c' })).toThrow(/not a plain address/);
  });
});
