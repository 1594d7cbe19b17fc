import { newAuthorSlug, saveArticle, tagSlug, toArticleRecord } from '@/lib/content/article-write';
import { getDb } from '@/lib/db/connection';
import { selectArticleByExternalId } from '@/lib/db/content-read';
import { addChannels, makeArticle } from '../helpers/articles';

/* The URL forms of names are worked out before an article reaches lib/db, which stores them as given. */

beforeAll(() => addChannels(getDb(), ['news']));

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

describe('saveArticle', () => {
  it('stores the tags and bylines under the slugs worked out for them, in both languages', () => {
    const db = getDb();
    saveArticle(db, makeArticle({ id: 'aw-en', slug: 'aw-en', tags: ['River Ferries'], authors: [{ name: 'Zhou Min' }] }));
    saveArticle(db, makeArticle({ id: 'aw-zh', locale: 'zh', slug: 'aw-zh', tags: ['江边 步道'], authors: [{ name: '周敏' }] }));
    const en = selectArticleByExternalId(db, 'aw-en')!;
    const zh = selectArticleByExternalId(db, 'aw-zh')!;
    expect(en.tags.map(({ slug, name }) => ({ slug, name }))).toEqual([{ slug: 'river-ferries', name: 'River Ferries' }]);
    expect(zh.tags.map(({ slug, name }) => ({ slug, name }))).toEqual([{ slug: '江边-步道', name: '江边 步道' }]);
    expect(en.authors.map((a) => a.slug)).toEqual([newAuthorSlug('Zhou Min')]);
    expect(zh.authors.map((a) => a.slug)).toEqual([newAuthorSlug('周敏')]);
  });

  it('keeps an existing author under their slug', () => {
    const db = getDb();
    saveArticle(db, makeArticle({ id: 'aw-again', slug: 'aw-again', authors: [{ name: 'Zhou Min' }] }));
    expect(selectArticleByExternalId(db, 'aw-again')!.authors.map((a) => a.slug)).toEqual([newAuthorSlug('Zhou Min')]);
  });
});
