import { CompiledQuery, Kysely } from 'kysely';
import { getDb } from '@/lib/db/connection';
import * as audit from '@/lib/db/audit';
import * as contentRead from '@/lib/db/content-read';
import { type Database, migratePostgres, postgresDatabase } from '@/lib/db/database';
import * as inbox from '@/lib/db/inbox';
import * as messages from '@/lib/db/messages';
import * as newsroomArticles from '@/lib/db/newsroom-articles';
import * as search from '@/lib/db/search';
import * as outbox from '@/lib/db/outbox';
import type { Schema } from '@/lib/db/schema';
import { PortalSqliteDialect } from '@/lib/db/sqlite-driver';
import * as staff from '@/lib/db/staff';
import * as syndication from '@/lib/db/syndication-read';
import * as synthetic from '@/lib/db/synthetic';
import * as transfer from '@/lib/db/transfer';
import * as views from '@/lib/db/views';
import { shanghaiDay } from '@/lib/time';
import { addArticle, addChannels } from '../helpers/articles';
import { insertTestMessage } from '../helpers/contact-messages';
import { createPostgresDatabase } from '../helpers/engines';

/*
 * Every read query of lib/db, as the code sends it, planned by each engine. Each read function
 * runs once; then
 * - SQLite: every statement the connection prepared (lib/db/sqlite-driver.ts) is explained, and must
 *   walk an index: no unexplained table scan or temporary B-tree. SQLite has no statistics
 *   here, so its plans are those of any database (the planner hints in lib/db/engine.ts keep
 *   them right).
 * - PostgreSQL: the page reads run against 100,000 articles with statistics (ANALYZE), and each
 *   statement is explained with the parameters the code sent: no sequential scan of articles,
 *   and the index each list was made for.
 * A new read function nobody classified here fails the test.
 */

const NOW = Date.parse('2026-11-25T12:00:00+08:00');
const TODAY = shanghaiDay(NOW);

/** What a read's arguments name: things that exist in each engine's test data. */
interface Known {
  /** An author's id and slug, an article's slug, group and newsroom id, an old slug. */
  authorId: number;
  authorSlug: string;
  slug: string;
  group: string;
  externalId: string;
  oldSlug: string;
}

/**
 * A read of lib/db. `indexes`: what its statements must use, each in some statement of the read
 * (SQLite: text of EXPLAIN QUERY PLAN, a pattern to match one statement's plan; PostgreSQL:
 * index names). `page: false`: run by a command, never for a page; not planned on PostgreSQL.
 */
interface Read {
  run: (db: Database, known: Known) => Promise<unknown>;
  sqlite?: (string | RegExp)[];
  postgres?: string[];
  page?: false;
}

const reads: Record<string, Record<string, Read>> = {
  contentRead: {
    selectChannels: { run: (db) => contentRead.selectChannels(db, 'en') },
    selectChannel: { run: (db) => contentRead.selectChannel(db, 'en', 'news') },
    countChannelArticles: {
      run: (db) => contentRead.countChannelArticles(db, 'en', 'news', NOW),
      sqlite: ['articles_by_channel'],
      postgres: ['articles_by_channel'],
    },
    selectChannelArticles: {
      run: (db) => contentRead.selectChannelArticles(db, { locale: 'en', channel: 'news', now: NOW, limit: 6, offset: 6 }),
      sqlite: ['USING INDEX articles_by_channel'],
      postgres: ['articles_by_channel'],
    },
    selectLatestArticles: {
      run: (db) => contentRead.selectLatestArticles(db, { locale: 'en', now: NOW, limit: 9 }),
      sqlite: ['articles_by_locale'],
      postgres: ['articles_by_locale'],
    },
    // each also runs the article's authors and tags queries
    selectArticleByExternalId: {
      run: (db, known) => contentRead.selectArticleByExternalId(db, known.externalId),
      postgres: ['articles_external_id_key', 'articles_locale_slug_key', 'article_authors_pkey', 'article_tags_pkey'],
    },
    selectArticleBySlug: {
      run: (db, known) => contentRead.selectArticleBySlug(db, 'zh', known.slug),
      postgres: ['articles_locale_slug_key'],
    },
    selectTranslation: {
      run: (db, known) => contentRead.selectTranslation(db, { group: known.group, locale: 'zh', now: NOW }),
      sqlite: ['articles_by_translation'],
      postgres: ['articles_by_translation'],
    },
    selectTranslationGroup: {
      run: (db, known) => contentRead.selectTranslationGroup(db, known.group),
      postgres: ['articles_by_translation'],
    },
    selectAuthor: { run: (db, known) => contentRead.selectAuthor(db, 'en', known.authorSlug) },
    countAuthorArticles: {
      run: (db, known) => contentRead.countAuthorArticles(db, { authorId: known.authorId, locale: 'en', now: NOW }),
      sqlite: [/^SEARCH aa USING COVERING INDEX article_authors_by_author \(author_id=\?\) \/ SEARCH a USING INTEGER PRIMARY KEY/],
      // each article then probed by id (PostgreSQL: through an index that also holds its locale and status)
      postgres: ['article_authors_by_author'],
    },
    selectAuthorArticles: {
      run: (db, known) =>
        contentRead.selectAuthorArticles(db, { authorId: known.authorId, locale: 'en', now: NOW, limit: 12, offset: 0 }),
      sqlite: [/^SEARCH aa USING COVERING INDEX article_authors_by_author \(author_id=\?\) \/ SEARCH a USING INTEGER PRIMARY KEY/],
      // PostgreSQL may also walk the locale by date and probe each article's authors until the page is full.
      postgres: ['article_authors_by_author'],
    },
    selectSlugRedirect: {
      run: (db, known) => contentRead.selectSlugRedirect(db, 'en', known.oldSlug, NOW),
      postgres: ['article_slug_history_pkey', 'articles_pkey'],
    },
    // a slug that is no article's: both probes run
    selectArticleAddress: {
      run: (db) => contentRead.selectArticleAddress(db, 'en', 'no-such-slug'),
      postgres: ['articles_locale_slug_key', 'article_slug_history_pkey'],
    },
    selectAuthorFirstPublished: {
      run: (db, known) => contentRead.selectAuthorFirstPublished(db, 'en', known.authorSlug),
      sqlite: ['SEARCH aa USING COVERING INDEX article_authors_by_author'],
      postgres: ['article_authors_by_author'],
    },
    // the publishing scheduler's, every few seconds
    selectArticlesDue: {
      run: (db) => contentRead.selectArticlesDue(db, NOW - 5000, NOW),
      sqlite: ['articles_by_locale'],
      postgres: ['articles_by_locale'],
    },
    selectRecentRefs: {
      run: (db) => contentRead.selectRecentRefs(db, 'en', NOW, 24),
      sqlite: ['articles_by_locale'],
      postgres: ['articles_by_locale'],
    },
  },
  syndication: {
    selectChunkStats: {
      run: (db) => syndication.selectChunkStats(db, { locale: 'en', now: NOW, afterId: 0, limit: 10_000 }),
      sqlite: ['COVERING INDEX articles_by_locale_id'],
      postgres: ['articles_by_locale_id'],
    },
    selectIdAtPosition: {
      run: (db) => syndication.selectIdAtPosition(db, { locale: 'en', now: NOW, offset: 9_999 }),
      sqlite: ['COVERING INDEX articles_by_locale_id'],
      postgres: ['articles_by_locale_id'],
    },
    selectSitemapBatch: {
      run: (db) =>
        syndication.selectSitemapBatch(db, { locale: 'en', other: 'zh', now: NOW, afterId: 30_000, untilId: 45_000, limit: 1000 }),
      sqlite: ['INDEX articles_by_locale_id', 'INDEX articles_by_translation (translation_group=? AND locale=?)'],
      postgres: ['articles_by_translation'],
    },
    selectNewestInLocale: {
      run: (db) => syndication.selectNewestInLocale(db, { locale: 'zh', now: NOW }),
      sqlite: ['INDEX articles_by_locale'],
      postgres: ['articles_by_locale'],
    },
    selectChannelsWithNewest: {
      run: (db) => syndication.selectChannelsWithNewest(db, { locale: 'en', now: NOW }),
      sqlite: ['INDEX articles_by_channel'],
      postgres: ['articles_by_channel'],
    },
    selectAuthorsWithArticles: {
      run: (db) => syndication.selectAuthorsWithArticles(db, NOW),
      sqlite: ['INDEX article_authors_by_author (author_id=?)', 'SEARCH a USING INTEGER PRIMARY KEY'],
      postgres: ['article_authors_by_author'],
    },
    selectPublishedSince: {
      run: (db) => syndication.selectPublishedSince(db, { locale: 'en', now: NOW, since: NOW - 172_800_000, limit: 1000 }),
      sqlite: ['INDEX articles_by_locale (locale=? AND status=? AND published_ms>? AND published_ms<?)'],
      postgres: ['articles_by_locale'],
    },
    // with and without a channel; each also fetches the items' authors in one query
    selectFeedItems: {
      run: async (db) => {
        await syndication.selectFeedItems(db, { locale: 'en', now: NOW, limit: 50 });
        await syndication.selectFeedItems(db, { locale: 'zh', channel: 'news', now: NOW, limit: 50 });
      },
      sqlite: ['INDEX articles_by_locale', 'INDEX articles_by_channel', 'SEARCH aa USING PRIMARY KEY (article_id=?)'],
      postgres: ['articles_by_locale', 'articles_by_channel', 'article_authors_pkey'],
    },
  },
  views: {
    selectMostRead: {
      run: async (db) => {
        await views.selectMostRead(db, { locale: 'en', channel: null, fromDay: TODAY - 6, now: NOW, limit: 5 });
        await views.selectMostRead(db, { locale: 'en', channel: 'news', fromDay: TODAY - 6, now: NOW, limit: 5 });
      },
      sqlite: [/^SEARCH v USING COVERING INDEX article_views_by_day \(day>\?\) \/ SEARCH a USING INTEGER PRIMARY KEY/],
      postgres: ['article_views_by_day', 'articles_pkey'],
    },
  },
  // Search: the full-text index finds the matches, each article is then probed by id for its
  // filters (locale, status, time, channel); the bylines of one page by article_authors' key.
  search: {
    selectSearchMatches: {
      run: async (db) => {
        const filter = { locale: 'en' as const, tokens: ['word7', 'headlin'], match: 'all' as const, channel: null, sinceMs: null, now: NOW };
        await search.selectSearchMatches(db, { ...filter, order: 'relevance', limit: 10, offset: 0 });
        await search.selectSearchMatches(db, { ...filter, channel: 'news', sinceMs: NOW - 30 * 86_400_000, order: 'newest', limit: 10, offset: 10 });
        await search.selectSearchMatches(db, { ...filter, tokens: ['word7', 'word8'], match: 'any', order: 'relevance', limit: 10, offset: 0 });
      },
      sqlite: [/SCAN f VIRTUAL TABLE INDEX \d+:M\d* \/ SEARCH m USING COVERING INDEX articles_search_filter/, 'SEARCH a USING INTEGER PRIMARY KEY'],
      postgres: ['search_documents_match', 'articles_pkey'],
    },
    countSearchMatches: {
      run: (db) => search.countSearchMatches(db, { locale: 'zh', tokens: ['word7'], match: 'all', channel: null, sinceMs: null, now: NOW }),
      sqlite: [/^SCAN f VIRTUAL TABLE INDEX \d+:M\d* \/ SEARCH m USING COVERING INDEX articles_search_filter/],
      // each match then checked through an index holding the article's locale, status and time
      postgres: ['search_documents_match'],
    },
    selectBylines: {
      run: (db) => search.selectBylines(db, 'en', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
      sqlite: ['SEARCH aa USING PRIMARY KEY (article_id=?)'],
      postgres: ['article_authors_pkey'],
    },
    // indexing: at start, at the first search of a process, and npm run search:rebuild
    selectUnindexedArticles: { run: (db) => search.selectUnindexedArticles(db, 0, 500), page: false },
    selectArticlesToIndex: { run: (db) => search.selectArticlesToIndex(db, 0, 500), page: false },
    countSearchDocuments: { run: (db) => search.countSearchDocuments(db), page: false },
  },
  // The staff area: planned on SQLite; not reader pages, so not on PostgreSQL's 100,000 articles.
  inbox: {
    listInboxMessages: {
      run: async (db) => {
        await inbox.listInboxMessages(db, { page: 2, perPage: 25 });
        await inbox.listInboxMessages(db, { status: 'new', page: 1, perPage: 25 });
        await inbox.listInboxMessages(db, { q: 'ferry', page: 1, perPage: 25 });
        await inbox.listInboxMessages(db, { q: 'ferry', status: 'read', page: 1, perPage: 25 });
      },
      sqlite: [/contact_messages_by_(time|status)/],
      page: false,
    },
    iterateInboxMessages: {
      run: async (db) => {
        const found = [];
        for await (const message of inbox.iterateInboxMessages(db, { status: 'spam' })) found.push(message);
        return found;
      },
      page: false,
    },
    findInboxMessage: { run: (db) => inbox.findInboxMessage(db, 'MSG-X'), page: false },
    findInboxMessageById: { run: (db) => inbox.findInboxMessageById(db, 1), page: false },
  },
  staff: {
    findStaffByEmail: { run: (db) => staff.findStaffByEmail(db, 'editor@example.com'), page: false },
    findSessionStaff: { run: (db) => staff.findSessionStaff(db, { tokenHash: 'x', now: NOW }), page: false },
    countSignInFailures: { run: (db) => staff.countSignInFailures(db, { key: 'x', since: NOW }), page: false },
    findStaffById: { run: (db) => staff.findStaffById(db, 1), page: false },
    listStaff: { run: (db) => staff.listStaff(db), page: false },
    countActiveAdmins: { run: (db) => staff.countActiveAdmins(db, { except: 1 }), page: false },
    findSessionOwner: { run: (db) => staff.findSessionOwner(db, 'x'), page: false },
    findOpenInvitation: { run: (db) => staff.findOpenInvitation(db, { tokenHash: 'x', now: NOW }), page: false },
    listOpenInvitations: {
      run: (db) => staff.listOpenInvitations(db, NOW),
      sqlite: ['staff_invitations_by_time'],
      page: false,
    },
  },
  audit: {
    listAuditEntries: {
      run: async (db) => {
        await audit.listAuditEntries(db, { limit: 50 });
        await audit.listAuditEntries(db, { action: 'staff.signIn', before: 100, limit: 50 });
        await audit.listAuditEntries(db, { actorId: 1, limit: 50 });
        await audit.listAuditEntries(db, { subject: { type: 'article', id: 1 }, limit: 50 });
      },
      sqlite: ['audit_log_by_action', 'audit_log_by_actor', 'audit_log_by_subject'],
      page: false,
    },
  },
  // The newsroom's articles list (staff only, but over every article: planned at 100,000 on
  // PostgreSQL too). Newest change first through articles_by_modified, or one status through
  // articles_by_status_modified; the other filters are checked on the rows walked; a byline
  // starts from the author (article_authors_by_author); the translation by articles_by_translation.
  newsroomArticles: {
    listNewsroomArticles: {
      run: async (db, known) => {
        const page = { now: NOW, limit: 25 };
        await newsroomArticles.listNewsroomArticles(db, page);
        await newsroomArticles.listNewsroomArticles(db, { ...page, before: { ms: NOW - 3_000_000_000, id: 50_000 } });
        await newsroomArticles.listNewsroomArticles(db, { ...page, state: 'draft', ownDraftsOf: 1 });
        await newsroomArticles.listNewsroomArticles(db, { ...page, state: 'published', locale: 'zh', channel: 'news' });
        await newsroomArticles.listNewsroomArticles(db, { ...page, locale: 'en', authorId: known.authorId });
        await newsroomArticles.listNewsroomArticles(db, { ...page, q: 'number 99' });
      },
      sqlite: ['articles_by_modified', 'articles_by_status_modified', 'articles_by_translation', /^SEARCH aa USING COVERING INDEX article_authors_by_author \(author_id=\?\) \/ SEARCH a USING INTEGER PRIMARY KEY/],
      postgres: ['articles_by_modified', 'articles_by_status_modified', 'article_authors_by_author'],
    },
    selectAuthorChoices: { run: (db) => newsroomArticles.selectAuthorChoices(db) },
  },
  outbox: {
    claimDueMail: { run: (db) => outbox.claimDueMail(db, { now: NOW, leaseUntil: NOW + 60_000, limit: 10 }), page: false },
  },
  transfer: {
    selectAllChannelRecords: { run: (db) => transfer.selectAllChannelRecords(db), page: false },
    selectAllAuthorRecords: { run: (db) => transfer.selectAllAuthorRecords(db), page: false },
    selectAllArticleIds: { run: (db) => transfer.selectAllArticleIds(db), page: false },
  },
  synthetic: {
    selectLastSyntheticNumber: { run: (db) => synthetic.selectLastSyntheticNumber(db), page: false },
    selectOldestRealPublishedMs: { run: (db) => synthetic.selectOldestRealPublishedMs(db), page: false },
  },
};

/** Exported names that read nothing, or only write (their reads are checked through callers above). */
const notReads = new Set([
  'toSummary', 'isReadable', 'selectDataVersion', 'SUMMARY_SELECTION', 'likeContains', 'setMessageStatus',
  'insertContactMessage', 'recordArticleView', 'insertStaff', 'updateStaffPassword', 'deleteStaff', 'insertStaffSession',
  'deleteStaffSession', 'insertSignInFailures', 'clearSignInFailures', 'insertOutboxMail', 'markMailSent', 'markMailFailed',
  'tsvectorLiteral', 'writeSearchDocument', 'clearSearchIndex', 'optimizeSearchIndex',
  // Staff administration writes (lib/staff/manage.ts), the audit log's insert.
  'insertInvitation', 'closeInvitation', 'markStaffSignedIn', 'updateStaffDisabled', 'updateStaffLocale', 'updateStaffRole',
  'recordAudit',
]);

const pageReads = Object.values(reads).flatMap((group) => Object.entries(group).filter(([, read]) => read.page !== false));

test('knows every exported function of lib/db: each read is run below, everything else is listed as not a read', () => {
  const modules = { contentRead, syndication, views, inbox, transfer, staff, outbox, messages, synthetic, search, audit, newsroomArticles };
  const known = (name: string, fn: string) => notReads.has(fn) || fn in (reads[name] ?? {});
  const unclassified = Object.entries(modules).flatMap(([name, mod]) =>
    Object.keys(mod).filter((fn) => !known(name, fn)).map((fn) => `${name}.${fn}`),
  );
  expect(unclassified).toEqual([]);
});

describe('sqlite', () => {
  const handle = getDb();
  const dialect = new PortalSqliteDialect(handle);
  let current: CompiledQuery[] = [];
  const db: Database = new Kysely<Schema>({ dialect, log: (event) => void current.push(event.query) });
  /** The statements each read ran. */
  const ran = new Map<string, CompiledQuery[]>();

  beforeAll(async () => {
    await addChannels(db, ['news', 'business']);
    await addArticle(db, { id: 'qp-en', slug: 'query-plan-en' });
    await addArticle(db, { id: 'qp-zh', locale: 'zh', slug: 'query-plan-zh', translationOf: 'qp-en' });
    await insertTestMessage(db, { name: 'Reader', message: 'About the ferry' });
    const author = await db.selectFrom('authors').select(['id', 'slug']).executeTakeFirstOrThrow();
    const known: Known = { authorId: author.id, authorSlug: author.slug, slug: 'query-plan-zh', group: 'qp-en', externalId: 'qp-en', oldSlug: 'old-slug' };
    for (const group of Object.values(reads)) {
      for (const [name, read] of Object.entries(group)) {
        current = [];
        await read.run(db, known);
        ran.set(name, current);
      }
    }
  });

  function planOf(sql: string): string[] {
    const names = [...new Set([...sql.matchAll(/@(\w+)/g)].map((m) => m[1]!))];
    const positional = (sql.match(/\?/g) ?? []).length;
    const explain = handle.prepare(`EXPLAIN QUERY PLAN ${sql}`);
    const rows = (names.length > 0 ? explain.all(Object.fromEntries(names.map((n) => [n, null]))) : explain.all(...Array(positional).fill(null))) as {
      detail: string;
    }[];
    return rows.map((row) => row.detail);
  }

  /*
   * Where a plan may scan a table or sort in a temporary B-tree, and why that is bounded.
   * Keys are matched against the statement's SQL (as the builder writes it: quoted names).
   */
  const allowed: { sql: RegExp; scan?: RegExp; tempBTree?: boolean; why: string }[] = [
    { sql: /^select [^()]* from "channels"/, scan: /^SCAN channels$/, tempBTree: true, why: 'channels: a handful of rows' },
    { sql: /^select "c"\."slug", \(select .*\) as "newest_ms" from "channels" as "c"/, scan: /^SCAN c$/, why: "each channel's newest article: a handful of channels" },
    { sql: /^select "external_id" from "articles" order by "id"$/, scan: /^SCAN articles$/, why: 'the export reads every article once, in rowid order' },
    { sql: /^select .* from "authors" order by "id"$/, scan: /^SCAN authors$/, why: 'the export reads every author once' },
    {
      sql: /^select "id" from "authors" where \("name_en" = \? or "name_zh" = \? or "slug" = \?\)/,
      scan: /^SCAN authors$/,
      why: 'ingest finds a byline by name among the authors (hundreds of rows); a write, never a page',
    },
    {
      sql: /where "(aa|at)"\."article_id" = \? order by "(aa|at)"\."position"$/,
      tempBTree: true,
      why: "one article's bylines or tags, a handful of rows, in their order",
    },
    {
      sql: /^select .* from "article_authors" as "aa" cross join "articles" as "a" where "a"\."id" = "aa"\."article_id" and "aa"\."author_id" = \?/,
      tempBTree: true,
      why: "one author's articles, found through article_authors_by_author, sorted by date",
    },
    { sql: /from "article_views" as "v"/, tempBTree: true, why: 'most read: one week of view rows, grouped and ranked when a list page is regenerated' },
    {
      sql: /from "contact_messages" where \("name" like/i,
      scan: /^SCAN contact_messages$/,
      why: 'staff search: substring search over the inbox (LIKE %q% can use no index), staff only',
    },
    {
      sql: /^select (max|min)\(.*\) as "\w+" from "articles" where "external_id" (not )?like \?$/i,
      scan: /^SCAN articles( USING COVERING INDEX \w+)?$/,
      why: 'npm run seed -- --articles N reads these once per run, before it writes; never a page',
    },
    {
      sql: /from search_fts f cross join articles m indexed by articles_search_filter/i,
      scan: /^SCAN (f VIRTUAL TABLE INDEX \d+:M|matched$)/,
      tempBTree: true,
      why: 'search: the full-text index gives the matches (the MATCH constraint, not a scan), checked through a covering index, kept aside (matched) and ranked in a sort',
    },
    {
      sql: /^select a\.id, .* from articles a where a\.id > \? and not exists \(select 1 from search_documents d/i,
      scan: /^SCAN a$/,
      why: 'indexing finds articles without a search document: at start and once per process, never per page',
    },
    {
      sql: /where "aa"\."article_id" in \([?, ]+\) order by "aa"\."article_id", "aa"\."position"$/,
      tempBTree: true,
      why: "the bylines of one page of search results: a few rows, in each article's order",
    },
    { sql: /^select count\(\*\) as n from search_documents$/i, scan: /^SCAN search_documents/, why: 'npm run search:rebuild prints the count once' },
    {
      sql: /from "staff" (where "role" = \? and "disabled_ms" is null|order by case when "disabled_ms")/,
      scan: /^SCAN staff$/,
      tempBTree: true,
      why: "the staff accounts of one newsroom (tens of rows): the admin's list and the last-admin check",
    },
    {
      sql: /^select .* from "article_authors" as "aa" cross join "articles" as "a" left join "staff" as "s" .* where "a"\."id" = "aa"\."article_id" and "aa"\."author_id" = \?/,
      tempBTree: true,
      why: "the newsroom list's byline filter: one author's articles, found through article_authors_by_author, sorted by last change",
    },
    { sql: /^select "id", "name_en", "name_zh" from "authors"$/, scan: /^SCAN authors$/, why: "the list's author filter: every byline author once (a newsroom's hundreds)" },
    {
      sql: /^select .* from "audit_log" order by "id" desc limit \?$/,
      scan: /^SCAN audit_log$/,
      why: 'the whole log newest first: the table itself is in id order, read backwards and stopped at the limit',
    },
  ];

  test('every read query walks an index: no unexplained table scan, no unexplained temporary B-tree', () => {
    const queries = dialect.driver.connection.preparedSql()
      .map((sql) => sql.replace(/\s+/g, ' ').trim())
      .filter((sql) => /^(\/\*.*?\*\/ )?select\b/i.test(sql));
    expect(queries.length).toBeGreaterThan(35);
    const problems: { sql: string; plan: string[] }[] = [];
    for (const sql of queries) {
      const plan = planOf(sql);
      const rules = allowed.filter((rule) => rule.sql.test(sql));
      const bad = plan.filter((step) => {
        // the rows of a subquery planned above (a co-routine)
        if (/^SCAN (\(subquery-\d+\)|\w+)$/.test(step) && plan.includes(`CO-ROUTINE ${step.slice(5)}`)) return false;
        if (/^SCAN /.test(step) && !/ USING (COVERING )?INDEX /.test(step)) return !rules.some((r) => r.scan?.test(step));
        if (/TEMP B-TREE/.test(step)) return !rules.some((r) => r.tempBTree);
        return false;
      });
      if (bad.length > 0) problems.push({ sql, plan });
    }
    expect(problems).toEqual([]);
  });

  test.each(Object.values(reads).flatMap((group) => Object.entries(group).filter(([, read]) => read.sqlite)))(
    '%s uses the index made for it',
    (name, read) => {
      const plans = ran.get(name)!.map((query) => planOf(query.sql).join(' / '));
      for (const index of read.sqlite!) {
        expect({ index: String(index), plans }).toEqual({
          index: String(index),
          plans: expect.arrayContaining([typeof index === 'string' ? expect.stringContaining(index) : expect.stringMatching(index)]),
        });
      }
    },
  );

  test('the syndication reads never scan articles nor sort their rows', () => {
    const plans = Object.keys(reads.syndication!).flatMap((name) => ran.get(name)!.map((query) => planOf(query.sql)));
    expect(plans.flat().filter((step) => /^SCAN (a|t|articles)\b/.test(step) || /TEMP B-TREE/.test(step))).toEqual([]);
  });
});

/*
 * PostgreSQL plans from statistics, so the data must look like a real archive: 100,000 articles,
 * one every ten minutes for two years (ids grow with time), two thirds English and half of those
 * translated, six channels, 200 authors, a few drafts, withdrawn and scheduled articles, renamed
 * slugs, and two months of views of each day's newest articles.
 */
const SEED_SQL = `
  INSERT INTO channels (slug, position, name_en, name_zh)
  SELECT c, i, initcap(c), c FROM unnest(ARRAY['news', 'business', 'culture', 'sports', 'city', 'opinion']) WITH ORDINALITY AS t (c, i);

  INSERT INTO authors (slug, name_en, name_zh)
  SELECT 'author-' || i, 'Author ' || i, '作者' || i FROM generate_series(1, 200) i;

  -- g is the id; age is how many articles are newer (0: the newest, published ten minutes ago).
  INSERT INTO articles (external_id, locale, channel, slug, headline, series, summary, body_html, image_src, image_width,
                        image_height, published_at, published_ms, status, translation_group, created_ms, modified_ms)
  SELECT 'qp-' || g,
         CASE WHEN g % 3 = 0 THEN 'zh' ELSE 'en' END,
         (ARRAY['news', 'business', 'culture', 'sports', 'city', 'opinion'])[1 + (g / 3) % 6],
         'story-' || g,
         'Headline of story number ' || g,
         NULL,
         repeat('A summary of what happened. ', 5),
         repeat('<p>A paragraph of the story, long enough to be a real one.</p>', 8),
         '/images/demo/' || g || '.jpg', 1600, 900,
         to_char(to_timestamp(ms / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"+00:00"'),
         ms,
         CASE WHEN g % 97 = 0 THEN 'draft' WHEN g % 89 = 0 THEN 'withdrawn' ELSE 'published' END,
         'qp-' || CASE WHEN g % 3 = 0 THEN g - 1 ELSE g END,
         ms, ms
    FROM generate_series(1, 100000) g,
         -- the newest 30 are scheduled for tomorrow
         LATERAL (SELECT 100000 - g AS age) a,
         LATERAL (SELECT ${NOW} - (age + 1)::bigint * 600000 + CASE WHEN age < 30 THEN 86400000 ELSE 0 END AS ms) t
   ORDER BY g;

  INSERT INTO article_authors (article_id, author_id, position)
  SELECT id, 1 + id % 200, 0 FROM articles
  UNION ALL SELECT id, 1 + (id * 7 + 3) % 200, 1 FROM articles WHERE id % 5 = 0 AND (id * 7 + 3) % 200 <> id % 200;

  INSERT INTO tags (locale, slug, name) SELECT 'en', 'tag-' || i, 'Tag ' || i FROM generate_series(1, 50) i;
  INSERT INTO article_tags (article_id, tag_id, position) SELECT id, 1 + id % 50, 0 FROM articles WHERE locale = 'en' AND id % 4 = 0;

  INSERT INTO article_slug_history (locale, slug, article_id)
  SELECT locale, 'old-' || slug, id FROM articles WHERE id % 100 = 0;

  -- Search documents: headline words (A), a summary word (B) and one of 500 body words (C), so
  -- a body word matches 200 articles.
  INSERT INTO search_documents (article_id, document)
  SELECT id, setweight(to_tsvector('simple', 'headlin of stori number ' || id), 'A')
          || setweight(to_tsvector('simple', 'summari'), 'B')
          || setweight(to_tsvector('simple', 'paragraph word' || (id % 500)), 'C')
    FROM articles;

  -- Sixty days of views: each day, the 400 newest articles of that day.
  INSERT INTO article_views (article_id, day, views)
  SELECT 100000 - d * 144 - k, ${TODAY} - d, 1 + (k * 37) % 200 FROM generate_series(0, 59) d, generate_series(30, 429) k;
`;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function* nodesOf(node: PlanNode): Generator<PlanNode> {
  yield node;
  for (const child of node.Plans ?? []) yield* nodesOf(child);
}

describe('postgres', () => {
  let db: Database;
  let recording = false;
  let current: CompiledQuery[] = [];
  const plans = new Map<string, { sql: string; nodes: PlanNode[] }[]>();

  beforeAll(async () => {
    const url = await createPostgresDatabase();
    db = postgresDatabase(url, { poolSize: 2, onQuery: (query) => {
        if (recording) current.push(query);
      },
    });
    await migratePostgres(db);
    // The test server does not wait for commits to reach the disk, and VACUUM leaves rows whose
    // commit is not there yet out of the visibility map: this one commit waits.
    await db.executeQuery(CompiledQuery.raw(`SET synchronous_commit = on; ${SEED_SQL}`));
    // Statistics for the planner, and the visibility map a production database's autovacuum keeps
    // (without it PostgreSQL costs every index-only scan as reading the table too).
    await db.executeQuery(CompiledQuery.raw('VACUUM ANALYZE'));
    const author = await db.selectFrom('authors').select(['id', 'slug']).where('slug', '=', 'author-7').executeTakeFirstOrThrow();
    const known: Known = { authorId: author.id, authorSlug: author.slug, slug: 'story-300', group: 'qp-299', externalId: 'qp-299', oldSlug: 'old-story-500' };
    for (const [name, read] of pageReads) {
      current = [];
      recording = true;
      await read.run(db, known);
      recording = false;
      const explained: { sql: string; nodes: PlanNode[] }[] = [];
      for (const query of current) {
        const result = await db.executeQuery<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(
          CompiledQuery.raw(`EXPLAIN (FORMAT JSON) ${query.sql}`, [...query.parameters]),
        );
        explained.push({ sql: query.sql, nodes: [...nodesOf(result.rows[0]!['QUERY PLAN'][0]!.Plan)] });
      }
      plans.set(name, explained);
    }
  }, 60_000);
  afterAll(() => db?.destroy());

  test('every page read ran statements', () => {
    expect(pageReads.filter(([name]) => (plans.get(name) ?? []).length === 0).map(([name]) => name)).toEqual([]);
  });

  test.each(pageReads)('%s: no sequential scan of articles, and the index made for it', (name, read) => {
    const statements = plans.get(name)!;
    // Each statement's plan as its steps, for the failure message: "Index Scan articles_by_locale".
    const steps = statements.map((s) => s.nodes.map((n) => `${n['Node Type']} ${n['Index Name'] ?? n['Relation Name'] ?? ''}`.trim()));
    const seqScans = statements.filter((s) => s.nodes.some((n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === 'articles'));
    expect({ seqScans: seqScans.map((s) => s.sql), steps }).toEqual({ seqScans: [], steps });
    const used = statements.flatMap((s) => s.nodes.map((n) => n['Index Name']).filter(Boolean));
    for (const index of read.postgres ?? []) expect({ index, steps }).toEqual({ index, steps: used.includes(index) ? steps : [] });
  });
});
