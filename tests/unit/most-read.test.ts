import { getDatabase } from '@/lib/db/database';
import { listMostRead, recordView } from '@/lib/content/most-read';
import { shanghaiDay } from '@/lib/time';
import { addArticle, addChannels } from '../helpers/articles';

const NOW = Date.parse('2026-11-25T12:00:00+08:00');
const DAY = 86_400_000;
const ids: Record<string, number> = {};

beforeAll(async () => {
  const db = await getDatabase();
  await addChannels(db, ['news', 'business']);
  const add = async (key: string, extra: Parameters<typeof addArticle>[1] = {}) => {
    await addArticle(db, { id: `mr-${key}`, slug: `most-read-${key}`, publishedAt: '2026-11-01T09:00:00+08:00', ...extra });
    ids[key] = (await db.selectFrom('articles').select('id').where('external_id', '=', `mr-${key}`).executeTakeFirstOrThrow()).id;
  };
  await add('a');
  await add('b');
  await add('c', { section: 'business' });
  await add('zh', { locale: 'zh' });
  await add('draft', { status: 'draft' });
  await add('future', { publishedAt: '2026-12-31T09:00:00+08:00' });
});

const view = async (key: string, times: number, at = NOW) => {
  for (let i = 0; i < times; i++) expect(await recordView(ids[key]!, at)).toBe(true);
};

it('counts days in Shanghai time', () => {
  expect(shanghaiDay(Date.parse('2026-11-25T00:30:00+08:00'))).toBe(shanghaiDay(Date.parse('2026-11-25T23:30:00+08:00')));
  expect(shanghaiDay(Date.parse('2026-11-24T23:59:00+08:00'))).toBe(shanghaiDay(Date.parse('2026-11-25T00:00:00+08:00')) - 1);
});

it('lists the most-read articles of the last seven days, by locale and channel', async () => {
  await view('a', 3);
  await view('b', 2, NOW - 6 * DAY); // six days ago: still this week
  await view('b', 2, NOW - 1 * DAY);
  await view('c', 5);
  await view('zh', 1);
  await view('a', 10, NOW - 8 * DAY); // older than a week: not counted
  const slugs = async (list: Promise<{ slug: string }[]>) => (await list).map((a) => a.slug);
  expect(await slugs(listMostRead('en', { now: NOW }))).toEqual(['most-read-c', 'most-read-b', 'most-read-a']);
  expect(await slugs(listMostRead('en', { channel: 'news', now: NOW }))).toEqual(['most-read-b', 'most-read-a']);
  expect(await slugs(listMostRead('zh', { now: NOW }))).toEqual(['most-read-zh']);
  expect(await listMostRead('en', { now: NOW, limit: 1 })).toHaveLength(1);
});

it('does not count views of articles readers cannot see, or of ids that do not exist', async () => {
  expect(await recordView(ids.draft!, NOW)).toBe(false);
  expect(await recordView(ids.future!, NOW)).toBe(false);
  expect(await recordView(999_999, NOW)).toBe(false);
  expect(await recordView(-1, NOW)).toBe(false);
  const db = await getDatabase();
  const counted = await db.selectFrom('article_views').select('article_id').where('article_id', 'in', [ids.draft!, ids.future!]).execute();
  expect(counted).toEqual([]);
});

it('stores no reader data: one counter per article and day', async () => {
  const tables = await (await getDatabase()).introspection.getTables();
  const columns = tables.find((table) => table.name === 'article_views')!.columns.map((c) => c.name);
  expect(columns).toEqual(['article_id', 'day', 'views']);
});
