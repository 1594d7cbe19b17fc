import fs from 'node:fs';
import path from 'node:path';
import { negotiateLocale } from '@/lib/i18n/locales';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';

describe('negotiateLocale', () => {
  it.each([
    [null, 'en'],
    ['', 'en'],
    ['zh-CN,zh;q=0.9', 'zh'],
    ['zh-Hant-TW', 'zh'],
    ['en-US,en;q=0.9,zh;q=0.8', 'en'],
    ['de-DE,zh;q=0.5,en;q=0.3', 'zh'],
    ['en;q=0.2, zh;q=0.8', 'zh'],
    ['zh;q=0, en', 'en'],
    ['fr, ja', 'en'],
    ['*', 'en'],
    ['garbage;;;q=abc', 'en'],
  ])('%p → %s', (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });
});

describe('message catalogues', () => {
  const keys = (o: object, prefix = ''): string[] =>
    Object.entries(o).flatMap(([k, v]) =>
      v && typeof v === 'object' && !Array.isArray(v) ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
    );

  it('have the same keys in English and Chinese', () => {
    expect(keys(zh).sort()).toEqual(keys(en).sort());
  });

  it('use the same placeholders in both languages', () => {
    // ICU arguments are `{name}` or `{name, type, …}`; plural and select branches (`{a few words}`) are text.
    const placeholders = (s: unknown) =>
      typeof s === 'string' ? [...new Set([...s.matchAll(/\{(\w+)\s*[,}]/g)].map((m) => m[1]))].sort() : [];
    const get = (o: unknown, path: string) => path.split('.').reduce<unknown>((acc, k) => (acc as Record<string, unknown>)[k], o);
    for (const key of keys(en)) {
      expect({ key, placeholders: placeholders(get(zh, key)) }).toEqual({ key, placeholders: placeholders(get(en, key)) });
    }
  });

  it('has no key twice in one object (JSON.parse would silently keep the last)', () => {
    for (const locale of ['en', 'zh']) {
      const text = fs.readFileSync(path.join(__dirname, '..', '..', 'messages', `${locale}.json`), 'utf8');
      const stack: { object: boolean; keys: Set<string>; expectKey: boolean }[] = [];
      const duplicates: string[] = [];
      for (const [token] of text.matchAll(/"(?:[^"\\]|\\.)*"|[{}[\],]/g)) {
        const top = stack.at(-1);
        if (token === '{' || token === '[') stack.push({ object: token === '{', keys: new Set(), expectKey: token === '{' });
        else if (token === '}' || token === ']') stack.pop();
        else if (token === ',') {
          if (top?.object) top.expectKey = true;
        } else if (top?.object && top.expectKey) {
          if (top.keys.has(token)) duplicates.push(`${locale}: ${token}`);
          top.keys.add(token);
          top.expectKey = false;
        }
      }
      expect(duplicates).toEqual([]);
    }
  });
});
