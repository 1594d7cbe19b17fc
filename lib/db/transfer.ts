import type { Db } from './connection';
import type { AuthorRecord, ChannelRecord } from './content-write';
import { statement } from './statements';

/* Whole-table reads for `npm run content -- export`. */

export function selectAllChannelRecords(db: Db): ChannelRecord[] {
  const rows = statement(
    db,
    `SELECT slug, position, name_en, name_zh, description_en, description_zh FROM channels ORDER BY position, slug`,
  ).all() as { slug: string; position: number; name_en: string; name_zh: string; description_en: string; description_zh: string }[];
  return rows.map((r) => ({
    slug: r.slug,
    position: r.position,
    name: { en: r.name_en, zh: r.name_zh },
    description: { en: r.description_en, zh: r.description_zh },
  }));
}

export function selectAllAuthorRecords(db: Db): AuthorRecord[] {
  const rows = statement(db, `SELECT slug, name_en, name_zh, bio_en, bio_zh FROM authors ORDER BY id`).all() as {
    slug: string;
    name_en: string;
    name_zh: string;
    bio_en: string;
    bio_zh: string;
  }[];
  return rows.map((r) => ({ slug: r.slug, name: { en: r.name_en, zh: r.name_zh }, bio: { en: r.bio_en, zh: r.bio_zh } }));
}

/** Every article's newsroom id, oldest row first (originals before the translations added later). */
export function selectAllArticleIds(db: Db): string[] {
  return (statement(db, `SELECT external_id FROM articles ORDER BY id`).all() as { external_id: string }[]).map(
    (r) => r.external_id,
  );
}
