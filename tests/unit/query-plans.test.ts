import { Kysely } from 'kysely';
import { getDb } from '@/lib/db/connection';
import * as contentRead from '@/lib/db/content-read';
import * as inbox from '@/lib/db/inbox';
import * as messages from '@/lib/db/messages';
import * as outbox from '@/lib/db/outbox';
import type { Schema } from '@/lib/db/schema';
import { PortalSqliteDialect } from '@/lib/db/sqlite-driver';
import * as staff from '@/lib/db/staff';
import { preparedSql as legacyPreparedSql } from '@/lib/db/statements';
import * as syndication from '@/lib/db/syndication-read';
import * as synthetic from '@/lib/db/synthetic';
import * as transfer from '@/lib/db/transfer';
import * as views from '@/lib/db/views';
import { addArticle, addChannels } from '../helpers/articles';
import { insertTestMessage } from '../helpers/contact-messages';

/*
 * Every read query of lib/db, as the code prepares it: the test calls each read function once,
 * then reads the SQL of the statements the connection prepared (lib/db/statements.ts) and asks
 * SQLite for each plan. A query that stops using its index, or a new read function nobody
 * classified here, fails the test.
 */

const NOW = Date.parse('2026-11-25T12:00:00+08:00');
const db = getDb();
// The modules already on Kysely run on the same connection through the portal's SQLite dialect,
// whose driver keeps its own prepared statements.
const dialect = new PortalSqliteDialect(db);
const kdb = new Kysely<Schema>({ dialect });
const preparedSql = () => [...legacyPreparedSql(db), ...dialect.driver.connection.preparedSql()];

beforeAll(async () => {
  addChannels(db, ['news', 'business']);
  addArticle(db, { id: 'qp-en', slug: 'query-plan-en', translationOf: undefined });
  addArticle(db, { id: 'qp-zh', locale: 'zh', slug: 'query-plan-zh', translationOf: 'qp-en' });
  await insertTestMessage(kdb, { name: 'Reader', message: 'About the ferry' });
});

/** Each read function of lib/db with plausible arguments. */
const reads: Record<string, Record<string, () => unknown>> = {
  contentRead: {
    selectChannels: () => contentRead.selectChannels(db, 'en'),
    selectChannel: () => contentRead.selectChannel(db, 'en', 'news'),
    countChannelArticles: () => contentRead.countChannelArticles(db, 'en', 'news', NOW),
    selectChannelArticles: () => contentRead.selectChannelArticles(db, { locale: 'en', channel: 'news', now: NOW, limit: 6, offset: 6 }),
    selectLatestArticles: () => contentRead.selectLatestArticles(db, { locale: 'en', now: NOW, limit: 9 }),
    // also runs the article's authors and tags queries
    selectArticleByExternalId: () => contentRead.selectArticleByExternalId(db, 'qp-en'),
    selectArticleBySlug: () => contentRead.selectArticleBySlug(db, 'zh', 'query-plan-zh'),
    selectTranslation: () => contentRead.selectTranslation(db, { group: 'x', locale: 'zh', now: NOW }),
    selectTranslationGroup: () => contentRead.selectTranslationGroup(db, 'qp-en'),
    selectAuthor: () => contentRead.selectAuthor(db, 'en', 'li-wen'),
    countAuthorArticles: () => contentRead.countAuthorArticles(db, { authorId: 1, locale: 'en', now: NOW }),
    selectAuthorArticles: () => contentRead.selectAuthorArticles(db, { authorId: 1, locale: 'en', now: NOW, limit: 12, offset: 0 }),
    selectSlugRedirect: () => contentRead.selectSlugRedirect(db, 'en', 'old-slug', NOW),
    selectArticleAddress: () => contentRead.selectArticleAddress(db, 'en', 'no-such-slug'),
    selectAuthorFirstPublished: () => contentRead.selectAuthorFirstPublished(db, 'en', 'li-wen'),
    selectArticlesDue: () => contentRead.selectArticlesDue(db, NOW - 5000, NOW),
    selectRecentRefs: () => contentRead.selectRecentRefs(db, 'en', NOW, 24),
  },
  syndication: {
    selectChunkStats: () => syndication.selectChunkStats(db, { locale: 'en', now: NOW, afterId: 0, limit: 1000 }),
    selectIdAtPosition: () => syndication.selectIdAtPosition(db, { locale: 'en', now: NOW, offset: 1000 }),
    selectSitemapBatch: () =>
      syndication.selectSitemapBatch(db, { locale: 'en', other: 'zh', now: NOW, afterId: 0, untilId: 100, limit: 500 }),
    selectNewestInLocale: () => syndication.selectNewestInLocale(db, { locale: 'zh', now: NOW }),
    selectChannelsWithNewest: () => syndication.selectChannelsWithNewest(db, { locale: 'en', now: NOW }),
    selectAuthorsWithArticles: () => syndication.selectAuthorsWithArticles(db, NOW),
    selectPublishedSince: () => syndication.selectPublishedSince(db, { locale: 'en', now: NOW, since: NOW - 172_800_000, limit: 1000 }),
    // with and without a channel; each also fetches the items' authors in one query
    selectFeedItems: () => {
      syndication.selectFeedItems(db, { locale: 'en', now: NOW, limit: 50 });
      syndication.selectFeedItems(db, { locale: 'zh', channel: 'news', now: NOW, limit: 50 });
    },
  },
  views: {
    selectMostRead: () => {
      views.selectMostRead(db, { locale: 'en', channel: null, fromDay: 20_000, now: NOW, limit: 5 });
    },
  },
  inbox: {
    listInboxMessages: async () => {
      await inbox.listInboxMessages(kdb, { page: 2, perPage: 25 });
      await inbox.listInboxMessages(kdb, { status: 'new', page: 1, perPage: 25 });
      await inbox.listInboxMessages(kdb, { q: 'ferry', page: 1, perPage: 25 });
      await inbox.listInboxMessages(kdb, { q: 'ferry', status: 'read', page: 1, perPage: 25 });
    },
    iterateInboxMessages: async () => {
      const found = [];
      for await (const message of inbox.iterateInboxMessages(kdb, { status: 'spam' })) found.push(message);
      return found;
    },
    findInboxMessage: () => inbox.findInboxMessage(kdb, 'MSG-X'),
    findInboxMessageById: () => inbox.findInboxMessageById(kdb, 1),
  },
  transfer: {
    selectAllChannelRecords: () => transfer.selectAllChannelRecords(db),
    selectAllAuthorRecords: () => transfer.selectAllAuthorRecords(db),
    selectAllArticleIds: () => transfer.selectAllArticleIds(db),
  },
  staff: {
    findStaffByEmail: () => staff.findStaffByEmail(kdb, 'editor@example.com'),
    findSessionStaff: () => staff.findSessionStaff(kdb, { tokenHash: 'x', now: NOW }),
    countSignInFailures: () => staff.countSignInFailures(kdb, { key: 'x', since: NOW }),
  },
  outbox: {
    claimDueMail: () => outbox.claimDueMail(kdb, { now: NOW, leaseUntil: NOW + 60_000, limit: 10 }),
  },
  synthetic: {
    selectLastSyntheticNumber: () => synthetic.selectLastSyntheticNumber(db),
    selectOldestRealPublishedMs: () => synthetic.selectOldestRealPublishedMs(db),
  },
};

/** Exported functions that read nothing, or only write (their reads are checked through callers above). */
const notReads = new Set([
  'toSummary', 'selectDataVersion', 'SUMMARY_COLUMNS', 'SYNDICATION_SQL', 'likeContains', 'setMessageStatus',
  'insertContactMessage', 'recordArticleView', 'insertStaff', 'updateStaffPassword', 'deleteStaff', 'insertStaffSession',
  'deleteStaffSession', 'insertSignInFailures', 'clearSignInFailures', 'insertOutboxMail', 'markMailSent', 'markMailFailed',
]);

/*
 * Where a plan may scan a table or sort in a temporary B-tree, and why that is bounded.
 * Keys are matched against the statement's SQL.
 */
const allowed: { sql: RegExp; scan?: RegExp; tempBTree?: boolean; why: string }[] = [
  { sql: /^SELECT [\w ,]+ FROM channels (ORDER BY|WHERE)/, scan: /^SCAN channels$/, tempBTree: true, why: 'channels: a handful of rows' },
  { sql: /^SELECT external_id FROM articles ORDER BY id$/, scan: /^SCAN articles$/, why: 'the export reads every article once, in rowid order' },
  { sql: /^SELECT [\w ,]+ FROM authors ORDER BY id$/, scan: /^SCAN authors$/, why: 'the export reads every author once' },
  {
    sql: /^SELECT id FROM authors WHERE name_en = @name OR name_zh = @name OR slug = @slug/,
    scan: /^SCAN authors$/,
    why: 'ingest finds a byline by name among the authors (hundreds of rows); a write, never a page',
  },
  {
    sql: /WHERE (aa|at)\.article_id = \? ORDER BY (aa|at)\.position$/,
    tempBTree: true,
    why: "one article's bylines or tags, a handful of rows, in their order",
  },
  {
    sql: /FROM article_authors aa CROSS JOIN articles a ON a\.id = aa\.article_id WHERE aa\.author_id = \?/,
    tempBTree: true,
    why: "one author's articles, found through article_authors_by_author, sorted by date",
  },
  { sql: /FROM article_views v /, tempBTree: true, why: 'most read: one week of view rows, grouped and ranked when a list page is regenerated' },
  {
    sql: /FROM "?contact_messages"? WHERE \("?name"? LIKE/i,
    scan: /^SCAN contact_messages$/,
    why: 'staff search: substring search over the inbox (LIKE %q% can use no index), staff only',
  },
  {
    sql: /^SELECT M(AX|IN)\(.*\) AS \w+ FROM articles WHERE external_id (NOT )?LIKE 'synthetic-%'$/,
    scan: /^SCAN articles( USING COVERING INDEX \w+)?$/,
    why: 'npm run seed -- --articles N reads these once per run, before it writes; never a page',
  },
];

function planOf(sql: string): string[] {
  const names = [...new Set([...sql.matchAll(/@(\w+)/g)].map((m) => m[1]!))];
  const positional = (sql.match(/\?/g) ?? []).length;
  const explain = db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const rows = (names.length > 0 ? explain.all(Object.fromEntries(names.map((n) => [n, null]))) : explain.all(...Array(positional).fill(null))) as {
    detail: string;
  }[];
  return rows.map((row) => row.detail);
}

describe('query plans of lib/db', () => {
  const modules = { contentRead, syndication, views, inbox, transfer, staff, outbox, messages, synthetic };

  it('knows every exported function: each read is run below, everything else is listed as not a read', () => {
    const unclassified = Object.entries(modules).flatMap(([name, mod]) =>
      Object.keys(mod).filter((fn) => !notReads.has(fn) && !(fn in (reads[name] ?? {}))).map((fn) => `${name}.${fn}`),
    );
    expect(unclassified).toEqual([]);
  });

  it('every read query walks an index: no unexplained table scan, no unexplained temporary B-tree', async () => {
    for (const group of Object.values(reads)) for (const run of Object.values(group)) await run();
    const queries = preparedSql()
      .map((sql) => sql.replace(/\s+/g, ' ').trim())
      .filter((sql) => /^(\/\*.*?\*\/ )?SELECT\b/i.test(sql));
    expect(queries.length).toBeGreaterThan(35);
    const problems: { sql: string; plan: string[] }[] = [];
    for (const sql of queries) {
      const plan = planOf(sql);
      const rules = allowed.filter((rule) => rule.sql.test(sql));
      const bad = plan.filter((step) => {
        if (/^SCAN \w+ VIRTUAL TABLE/.test(step)) return false; // json_each over the ids given
        if (/^SCAN \(subquery-\d+\)/.test(step)) return false; // the rows of a subquery planned above
        if (/^SCAN /.test(step) && !/ USING (COVERING )?INDEX /.test(step)) return !rules.some((r) => r.scan?.test(step));
        if (/TEMP B-TREE/.test(step)) return !rules.some((r) => r.tempBTree);
        return false;
      });
      if (bad.length > 0) problems.push({ sql, plan });
    }
    expect(problems).toEqual([]);
  });

  it('channel, home, feed and sitemap lists use the index made for them', () => {
    const planFor = (fragment: string) => {
      const sql = preparedSql().find((s) => s.replace(/\s+/g, ' ').includes(fragment));
      if (!sql) throw new Error(`no prepared statement contains ${fragment}`);
      return planOf(sql).join(' / ');
    };
    expect(planFor('WHERE a.locale = ? AND a.channel = ? AND a.status')).toContain('USING INDEX articles_by_channel');
    expect(planFor('SELECT COUNT(*) AS n FROM articles WHERE locale = ? AND channel = ?')).toContain('articles_by_channel');
    expect(planFor("WHERE a.locale = ? AND a.status = 'published' AND a.published_ms <= ? ORDER BY")).toContain('articles_by_locale');
    // The count and the page of an author's list (the author index's EXISTS probes use the same join; checked above).
    const authorLists = preparedSql().filter((sql) => /^\s*SELECT (COUNT\(\*\) AS n|a\.id)\b/.test(sql) && sql.includes('FROM article_authors aa CROSS JOIN articles a'));
    expect(authorLists).toHaveLength(2);
    for (const sql of authorLists) {
      expect(planOf(sql).join(' / ')).toMatch(
        /^SEARCH aa USING COVERING INDEX article_authors_by_author \(author_id=\?\) \/ SEARCH a USING INTEGER PRIMARY KEY/,
      );
    }
    expect(planFor('SELECT MIN(a.published_ms)')).toContain('SEARCH aa USING COVERING INDEX article_authors_by_author');
    expect(planFor('FROM article_views v')).toMatch(/^SEARCH v USING COVERING INDEX article_views_by_day \(day>\?\) \/ SEARCH a USING INTEGER PRIMARY KEY/);
    expect(planFor('order by "received_ms" desc, "id" desc limit ?')).toMatch(/contact_messages_by_(time|status)/);
  });
});
