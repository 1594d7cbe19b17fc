import { contentWriteGeneration } from '../db/connection';
import {
  countAuthorArticles,
  countChannelArticles,
  selectArticleAddress,
  selectAuthor,
  selectAuthorFirstPublished,
  selectChannels,
  selectDataVersion,
} from '../db/content-read';
import { type Database, getDatabase } from '../db/database';
import type { Locale } from '../i18n/locales';
import { locales } from '../i18n/locales';
import type { AddressBook, ArticleAddress, PagedList } from '../routing/resolve';
import { isSlug } from '../routing/rules';
import { CHANNEL_PAGE_SIZE } from './articles';
import { AUTHOR_PAGE_SIZE } from './authors';
import type { ArticleStatus } from './types';
import { articleVisibility } from './visibility';

/*
 * Does an address exist? Asked by the proxy before a page renders, so that missing and
 * withdrawn content is answered with a fully server-rendered 404 or 410 page, and renamed or
 * misfiled articles with a 308 (a page that calls notFound() while rendering gets a
 * client-rendered shell from Next.js 16, empty without JavaScript).
 *
 * Answers are remembered per address and forgotten together whenever the content changes:
 * at once for changes made by this process, and within a second for changes made by another
 * (selectDataVersion on SQLite; on PostgreSQL, the change log each instance applies every second).
 * A cached page therefore costs no database work.
 */

type Remembered =
  | { kind: 'article'; status: ArticleStatus; publishedMs: number; channel: string; slug: string }
  | { kind: 'none' }
  | { kind: 'since'; visibleFrom: number | null }
  | { kind: 'count'; total: number };

const RECHECK_MS = 1000;
const MAX_REMEMBERED = 20_000;

let memory = new Map<string, Remembered>();
let channels: Set<string> | null = null;
let stamp = { generation: -1, dataVersion: -1, checkedAt: 0 };

/** Forgets every answer when the content may have changed. */
async function freshen(db: Database, now: number): Promise<void> {
  const generation = contentWriteGeneration();
  if (generation === stamp.generation && now - stamp.checkedAt < RECHECK_MS) return;
  const dataVersion = await selectDataVersion(db);
  if (generation !== stamp.generation || dataVersion !== stamp.dataVersion) {
    memory = new Map();
    channels = null;
  }
  stamp = { generation, dataVersion, checkedAt: now };
}

/** The database, with the remembered answers forgotten if the content may have changed. */
async function freshDatabase(now: number): Promise<Database> {
  const db = await getDatabase();
  await freshen(db, now);
  return db;
}

async function remember(key: string, compute: () => Promise<Remembered>): Promise<Remembered> {
  const known = memory.get(key);
  if (known) return known;
  const into = memory;
  const value = await compute();
  // Forgotten meanwhile (the content changed while the answer was read): not kept, it may be stale.
  if (into !== memory) return value;
  if (memory.size >= MAX_REMEMBERED) memory.delete(memory.keys().next().value!);
  memory.set(key, value);
  return value;
}

export async function channelExists(slug: string, now = Date.now()): Promise<boolean> {
  const db = await freshDatabase(now);
  if (!channels) {
    const into = memory;
    const found = new Set((await selectChannels(db, locales[0])).map((channel) => channel.slug));
    if (into === memory) channels = found;
    return found.has(slug);
  }
  return channels.has(slug);
}

/** An article address under a channel: readable, moved (308), withdrawn (410) or nothing (404). */
export async function checkArticleAddress(locale: Locale, section: string, slug: string, now = Date.now()): Promise<ArticleAddress> {
  if (!isSlug(slug)) return { kind: 'missing' };
  const db = await freshDatabase(now);
  const found = await remember(`a:${locale}/${slug}`, async () => {
    const row = await selectArticleAddress(db, locale, slug);
    if (!row) return { kind: 'none' };
    return { kind: 'article', status: row.status, publishedMs: row.publishedMs, channel: row.channel, slug: row.slug };
  });
  if (found.kind !== 'article') return { kind: 'missing' };
  const visibility = articleVisibility(found, now);
  if (visibility !== 'visible') return { kind: visibility === 'withdrawn' ? 'withdrawn' : 'missing' };
  if (found.slug !== slug || found.channel !== section) return { kind: 'moved', channel: found.channel, slug: found.slug };
  return { kind: 'ok' };
}

/** An author has pages in a locale once one of their articles there is published. */
export async function authorExists(locale: Locale, slug: string, now = Date.now()): Promise<boolean> {
  if (!isSlug(slug)) return false;
  const db = await freshDatabase(now);
  const found = await remember(`p:${locale}/${slug}`, async () => ({
    kind: 'since',
    visibleFrom: await selectAuthorFirstPublished(db, locale, slug),
  }));
  return found.kind === 'since' && found.visibleFrom !== null && found.visibleFrom <= now;
}

/**
 * Whether page N of a channel or an author's list exists. Counts are remembered like the
 * rest; a scheduled article that comes due changes them only at the next content change,
 * which at worst leaves the newest last page to the page's own notFound().
 */
export async function listPageExists(locale: Locale, list: PagedList, page: number, now = Date.now()): Promise<boolean> {
  if (page === 1) return true;
  const db = await freshDatabase(now);
  const key = list.kind === 'channel' ? `c:${locale}/${list.channel}` : `n:${locale}/${list.author}`;
  const found = await remember(key, async () => {
    if (list.kind === 'channel') {
      return { kind: 'count', total: await countChannelArticles(db, locale, list.channel, now) };
    }
    const author = await selectAuthor(db, locale, list.author);
    return { kind: 'count', total: author ? await countAuthorArticles(db, { authorId: author.id, locale, now }) : 0 };
  });
  const size = list.kind === 'channel' ? CHANNEL_PAGE_SIZE : AUTHOR_PAGE_SIZE;
  return found.kind === 'count' && page <= Math.ceil(found.total / size);
}

/** The database's answers, for the proxy's `resolveAddress`. */
export const databaseAddressBook: AddressBook = {
  channelExists: (channel) => channelExists(channel),
  article: (locale, channel, slug) => checkArticleAddress(locale, channel, slug),
  authorExists: (locale, author) => authorExists(locale, author),
  listPageExists: (locale, list, page) => listPageExists(locale, list, page),
};
