import type { Database } from './database';
import type { AuthorRecord, ChannelRecord } from './content-write';

/* Whole-table reads for `npm run content -- export`. */

export async function selectAllChannelRecords(db: Database): Promise<ChannelRecord[]> {
  const rows = await db
    .selectFrom('channels')
    .select(['slug', 'position', 'name_en', 'name_zh', 'description_en', 'description_zh'])
    .orderBy('position')
    .orderBy('slug')
    .execute();
  return rows.map((r) => ({
    slug: r.slug,
    position: r.position,
    name: { en: r.name_en, zh: r.name_zh },
    description: { en: r.description_en, zh: r.description_zh },
  }));
}

export async function selectAllAuthorRecords(db: Database): Promise<AuthorRecord[]> {
  const rows = await db.selectFrom('authors').select(['slug', 'name_en', 'name_zh', 'bio_en', 'bio_zh']).orderBy('id').execute();
  return rows.map((r) => ({ slug: r.slug, name: { en: r.name_en, zh: r.name_zh }, bio: { en: r.bio_en, zh: r.bio_zh } }));
}

/** Every article's newsroom id, oldest row first (originals before the translations added later). */
export async function selectAllArticleIds(db: Database): Promise<string[]> {
  const rows = await db.selectFrom('articles').select('external_id').orderBy('id').execute();
  return rows.map((r) => r.external_id);
}
