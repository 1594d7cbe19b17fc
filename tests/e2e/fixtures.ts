import type { ArticleInput } from '../../lib/content/article-input';
import { articleInputSchema } from '../../lib/content/article-input';
import { toShanghaiIso } from '../../lib/time';

/*
 * Articles the end-to-end tests add to the demo content, each for one behaviour that the demo
 * content alone cannot show: news from the last hours (the news sitemap), a withdrawn story
 * (410), a renamed one (308 from the old slug), a scheduled one (not yet visible) and one
 * whose text tries to break out of the markup it is embedded in.
 * Loaded by global-setup (through load-fixtures.ts) before the build; times are relative
 * to that moment.
 */

const HOUR = 3_600_000;

export const fixtures = {
  freshEn: { id: 'e2e-fresh-en', locale: 'en', section: 'news', slug: 'e2e-fresh-river-ferry-timetable' },
  freshZh: { id: 'e2e-fresh-zh', locale: 'zh', section: 'news', slug: 'e2e-fresh-river-ferry-timetable-zh' },
  withdrawn: { id: 'e2e-withdrawn', locale: 'en', section: 'news', slug: 'e2e-withdrawn-bridge-closure' },
  renamed: {
    id: 'e2e-renamed',
    locale: 'en',
    section: 'culture',
    oldSlug: 'e2e-museum-opens-late',
    slug: 'e2e-museum-opens-late-on-fridays',
  },
  scheduled: { id: 'e2e-scheduled', locale: 'en', section: 'news', slug: 'e2e-scheduled-metro-line-opening' },
  hostile: {
    id: 'e2e-hostile',
    locale: 'en',
    section: 'opinion',
    slug: 'e2e-escaping-check',
    headline: 'Quotes "double" & \'single\' </script><script>alert(1)</script> ]]> <b>bold</b>',
    summary: 'A summary with </script><!-- and ]]> and <img src=x onerror=alert(1)> in it.',
  },
} as const;

const image = (name: string) => ({
  src: `/images/demo/${name}-lead.jpg`,
  alt: 'A placeholder picture for a test article',
  caption: 'A placeholder picture. (Photo / Test Desk)',
  credit: 'Test Desk',
  width: 1600,
  height: 900,
});

const body = (text: string) => `<p>${text}</p><h2>More</h2><p>${text}</p>`;

export function fixtureArticles(now = Date.now()): ArticleInput[] {
  const at = (hoursFromNow: number) => toShanghaiIso(now + hoursFromNow * HOUR);
  const raw = [
    {
      ...fixtures.freshEn,
      headline: 'Evening ferry timetable on the Yangtze changes from Monday',
      summary: 'Two late crossings are added between Chaotianmen and Danzishi while the bridge is repaired.',
      bodyHtml: body('The ferry company adds two late crossings for the months of repair work on the bridge.'),
      authors: [{ name: 'Li Wen' }],
      publishedAt: at(-2),
      image: image('news-01'),
      tags: ['transport', 'ferries'],
    },
    {
      ...fixtures.freshZh,
      headline: '长江夜航渡轮时刻表周一起调整',
      summary: '大桥维修期间，朝天门至弹子石之间增开两班夜航渡轮。',
      bodyHtml: body('大桥维修的几个月里，渡轮公司增开两班夜航。'),
      authors: [{ name: '李雯' }],
      publishedAt: at(-1),
      image: image('news-01'),
      tags: ['交通'],
      translationOf: fixtures.freshEn.id,
    },
    {
      ...fixtures.withdrawn,
      headline: 'Bridge closure notice that was withdrawn',
      summary: 'This notice was published in error and withdrawn.',
      bodyHtml: body('Published in error.'),
      authors: [{ name: 'Li Wen' }],
      publishedAt: at(-30),
      status: 'withdrawn',
    },
    {
      id: fixtures.renamed.id,
      locale: fixtures.renamed.locale,
      section: fixtures.renamed.section,
      slug: fixtures.renamed.slug,
      headline: 'The city museum opens late on Fridays',
      summary: 'Galleries stay open until nine in the evening from next month.',
      bodyHtml: body('The museum keeps its galleries open until nine on Fridays.'),
      authors: [{ name: 'Chen Yuxi' }],
      publishedAt: at(-40),
      image: image('culture-01'),
    },
    {
      ...fixtures.scheduled,
      headline: 'Metro line opening, scheduled for next week',
      summary: 'Not to be seen before its time.',
      bodyHtml: body('Embargoed.'),
      authors: [{ name: 'Li Wen' }],
      publishedAt: at(24 * 7),
    },
    {
      id: fixtures.hostile.id,
      locale: fixtures.hostile.locale,
      section: fixtures.hostile.section,
      slug: fixtures.hostile.slug,
      headline: fixtures.hostile.headline,
      summary: fixtures.hostile.summary,
      bodyHtml: body('Text that must stay text.'),
      authors: [{ name: 'Zhou Rui' }],
      publishedAt: at(-24 * 400),
      image: image('opinion-01'),
    },
  ];
  return raw.map((article) => articleInputSchema.parse(article));
}

/** The renamed article as first published, under its old slug (loaded before the current one). */
export function renamedFirstVersion(now = Date.now()): ArticleInput {
  const current = fixtureArticles(now).find((a) => a.id === fixtures.renamed.id)!;
  return { ...current, slug: fixtures.renamed.oldSlug };
}
