import Database from 'better-sqlite3';
import { get, readState, settledQueryCount } from './server';

/*
 * No N+1 queries on list pages: rendering a list page that is not cached yet costs the same
 * number of statements whether it shows one article or a full page (DB_QUERY_LOG counts them).
 * Pages after the first, and author pages, are not prerendered, so their first request renders.
 * Like http.test.ts, this reads the server's one query log: run it in band (npm test does).
 */

/**
 * Lets the proxy's remembered address checks settle: they are forgotten when the content may have
 * changed (the server's first ticks apply the change log written at start; another connection's
 * commit moves PRAGMA data_version), and the request after that pays a probe again. Waiting past
 * the one-second recheck and asking once more puts that probe before the measurement.
 */
async function settleAddressChecks(pathname: string): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 2_500));
  expect((await get(pathname)).status).toBe(200);
}

/** Statements the server ran to answer one request for `pathname` (its first: it renders). */
async function queriesToRender(pathname: string): Promise<{ statements: number; articles: number }> {
  const before = await settledQueryCount();
  const response = await get(pathname);
  expect(response.status).toBe(200);
  const html = await response.text();
  const statements = (await settledQueryCount()) - before;
  // Article cards of the list (each links its headline from an <h2>).
  const articles = (html.match(/<article class="flex flex-col gap-3">/g) ?? []).length;
  return { statements, articles };
}

function database() {
  return new Database(readState().databasePath, { readonly: true, fileMustExist: true });
}

it('renders a channel page with a constant number of statements, however many articles it lists', async () => {
  const db = database();
  // Channels with a second page, by how many articles that page holds (page size 6).
  const channels = db
    .prepare(
      `SELECT channel, MIN(COUNT(*) - 6, 6) AS onPage2 FROM articles
        WHERE locale = 'en' AND status = 'published' AND published_ms <= ?
        GROUP BY channel HAVING COUNT(*) > 6 ORDER BY onPage2 DESC, channel`,
    )
    .all(Date.now()) as { channel: string; onPage2: number }[];
  db.close();
  const fuller = channels[0]!;
  const emptier = channels.at(-1)!;
  expect(channels.length).toBeGreaterThanOrEqual(3);
  expect(fuller.onPage2).toBeGreaterThan(emptier.onPage2);
  // The server's first on-demand render also pays one-time work (the channel list for the
  // proxy, caches filling); a render of another list page takes it first.
  expect((await get(`/en/${channels[1]!.channel}?page=2`)).status).toBe(200);
  await settleAddressChecks(`/en/${channels[1]!.channel}?page=2`);
  const many = await queriesToRender(`/en/${fuller.channel}?page=2`);
  const few = await queriesToRender(`/en/${emptier.channel}?page=2`);
  expect([many.articles, few.articles]).toEqual([fuller.onPage2, emptier.onPage2]);
  expect(many.statements).toBe(few.statements);
  expect(many.statements).toBeLessThanOrEqual(20);
});

it('renders author pages with a constant number of statements, for a prolific author and a rare one', async () => {
  const db = database();
  // Authors who write in both languages (the page also looks up the other language's page),
  // by how many Chinese articles they have.
  const authors = db
    .prepare(
      `SELECT au.slug, SUM(a.locale = 'zh') AS n FROM authors au JOIN article_authors aa ON aa.author_id = au.id
         JOIN articles a ON a.id = aa.article_id
        WHERE a.status = 'published' AND a.published_ms <= ?
        GROUP BY au.id HAVING SUM(a.locale = 'zh') BETWEEN 1 AND 12 AND SUM(a.locale = 'en') > 0
        ORDER BY n DESC, au.slug`,
    )
    .all(Date.now()) as { slug: string; n: number }[];
  db.close();
  const most = authors[0]!;
  const fewest = authors.at(-1)!;
  expect(most.n).toBeGreaterThan(fewest.n);
  await settleAddressChecks('/zh');
  const many = await queriesToRender(`/zh/authors/${most.slug}`);
  const few = await queriesToRender(`/zh/authors/${fewest.slug}`);
  expect([many.articles, few.articles]).toEqual([most.n, fewest.n]);
  expect(many.statements).toBe(few.statements);
  expect(many.statements).toBeLessThanOrEqual(20);
});
