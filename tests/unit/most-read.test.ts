import { getDb } from '@/lib/db/connection';
import { listMostRead, recordView } from '@/lib/content/most-read';
import { shanghaiDay } from '@/lib/time';
import { addArticle, addChannels } from '../helpers/articles';

const NOW = Date.parse('2026-11-25T12:00:00+08:00');
const DAY = 86_400_000;
const ids: Record<string, number> = {};

beforeAll(() => {
  const db = getDb();
  addChannels(db, ['news', 'business']);
  const add = (key: string, extra: Parameters<typeof addArticle>[1] = {}) => {
    addArticle(db, { id: `mr-${key}`, slug: `most-read-${key}`, publishedAt: '2026-11-01T09:00:00+08:00', ...extra });
    ids[key] = (db.prepare('SELECT id FROM articles WHERE external_id = ?').get(`mr-${key}`) as { id: number }).id;
  };
  add('a');
  add('b');
  add('c', { section: 'business' });
  add('zh', { locale: 'zh' });
  add('draft', { status: 'draft' });
  add('future', { publishedAt: '2026-12-31T09:00:00+08:00' });
});

const view = (key: string, times: number, at = NOW) => {
  for (let i = 0; i < times; i++) expect(recordView(ids[key]!, at)).toBe(true);
};

it('counts days in Shanghai time', () => {
  expect(shanghaiDay(Date.parse('2026-11-25T00:30:00+08:00'))).toBe(shanghaiDay(Date.parse('2026-11-25T23:30:00+08:00')));
  expect(shanghaiDay(Date.parse('2026-11-24T23:59:00+08:00'))).toBe(shanghaiDay(Date.parse('2026-11-25T00:00:00+08:00')) - 1);
});

it('lists the most-read articles of the last seven days, by locale and channel', () => {
  view('a', 3);
  view('b', 2, NOW - 6 * DAY); // six days ago: still this week
  view('b', 2, NOW - 1 * DAY);
  view('c', 5);
  view('zh', 1);
  view('a', 10, NOW - 8 * DAY); // older than a week: not counted
  const headlines = (list: { slug: string }[]) => list.map((a) => a.slug);
  expect(headlines(listMostRead('en', { now: NOW }))).toEqual(['most-read-c', 'most-read-b', 'most-read-a']);
  expect(headlines(listMostRead('en', { channel: 'news', now: NOW }))).toEqual(['most-read-b', 'most-read-a']);
  expect(headlines(listMostRead('zh', { now: NOW }))).toEqual(['most-read-zh']);
  expect(listMostRead('en', { now: NOW, limit: 1 })).toHaveLength(1);
});

it('does not count views of articles readers cannot see, or of ids that do not exist', () => {
  expect(recordView(ids.draft!, NOW)).toBe(false);
  expect(recordView(ids.future!, NOW)).toBe(false);
  expect(recordView(999_999, NOW)).toBe(false);
  expect(recordView(-1, NOW)).toBe(false);
  const row = getDb().prepare('SELECT COUNT(*) AS n FROM article_views WHERE article_id IN (?, ?)').get(ids.draft, ids.future) as { n: number };
  expect(row.n).toBe(0);
});

it('stores no reader data: one counter per article and day', () => {
  const columns = (getDb().prepare('PRAGMA table_info(article_views)').all() as { name: string }[]).map((c) => c.name);
  expect(columns).toEqual(['article_id', 'day', 'views']);
});
