import { newAuthorSlug, saveArticle, tagSlug, toArticleRecord } from '@/lib/content/article-write';
import { selectArticleByExternalId } from '@/lib/db/content-read';
import type { Database } from '@/lib/db/database';
import { addChannels, makeArticle } from '../helpers/articles';
import { ENGINES, openTestDatabase, type TestDatabase } from '../helpers/engines';

/* The URL forms of names are worked out before an article reaches lib/db, which stores them as given. */

describe('tag slugs', () => {
  it('joins English words with hyphens and drops punctuation', () => {
    expect(tagSlug('  Hot Pot / Food_Culture! ')).toBe('hot-pot-food-culture');
  });

  it('keeps Chinese as it is', () => {
    expect(tagSlug('重庆 火锅')).toBe('重庆-火锅');
  });

  it('leaves out a tag with nothing left for a slug', () => {
    const record = toArticleRecord(makeArticle({ tags: ['Transport', '!!!'] }));
    expect(record.tags).toEqual([{ name: 'Transport', slug: 'transport' }]);
  });
});

describe('new authors', () => {
  it('get their ASCII name plus a hash of the whole name', () => {
    expect(newAuthorSlug('Li Wen')).toMatch(/^li-wen-[0-9a-f]{8}$/);
    expect(newAuthorSlug('Li Wen')).toBe(newAuthorSlug('Li Wen'));
  });

  it('with a Chinese name get author-{hash}', () => {
    expect(newAuthorSlug('李雯')).toMatch(/^author-[0-9a-f]{8}$/);
    expect(newAuthorSlug('李雯')).not.toBe(newAuthorSlug('王芳'));
  });
});

describe.each(ENGINES)('saveArticle on %s', (engine) => {
  let t: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    t = await openTestDatabase(engine);
    db = t.db;
    await addChannels(db, ['news']);
  });
  afterAll(() => t.close());

  it('stores the tags and bylines under the slugs worked out for them, in both languages', async () => {
    await saveArticle(db, makeArticle({ id: 'aw-en', slug: 'aw-en', tags: ['River Ferries'], authors: [{ name: 'Zhou Min' }] }));
    await saveArticle(db, makeArticle({ id: 'aw-zh', locale: 'zh', slug: 'aw-zh', tags: ['江边 步道'], authors: [{ name: '周敏' }] }));
    const en = (await selectArticleByExternalId(db, 'aw-en'))!;
    const zh = (await selectArticleByExternalId(db, 'aw-zh'))!;
    expect(en.tags.map(({ slug, name }) => ({ slug, name }))).toEqual([{ slug: 'river-ferries', name: 'River Ferries' }]);
    expect(zh.tags.map(({ slug, name }) => ({ slug, name }))).toEqual([{ slug: '江边-步道', name: '江边 步道' }]);
    expect(en.authors.map((a) => a.slug)).toEqual([newAuthorSlug('Zhou Min')]);
    expect(zh.authors.map((a) => a.slug)).toEqual([newAuthorSlug('周敏')]);
  });

  it('keeps an existing author under their slug', async () => {
    await saveArticle(db, makeArticle({ id: 'aw-again', slug: 'aw-again', authors: [{ name: 'Zhou Min' }] }));
    expect((await selectArticleByExternalId(db, 'aw-again'))!.authors.map((a) => a.slug)).toEqual([newAuthorSlug('Zhou Min')]);
  });
});
