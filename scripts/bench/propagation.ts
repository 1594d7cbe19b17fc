import { performance } from 'node:perf_hooks';
import pg from 'pg';

/*
 * How fast a change reaches another instance (decision 0018), measured two ways in the same run:
 * the mechanism we chose (a change log every instance reads once a second) end to end, through
 * the instances' own HTTP; and the alternative we did not pick, PostgreSQL's LISTEN/NOTIFY, at
 * the database alone (no instance applies it).
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How often another instance is asked whether it serves the change yet. */
const POLL_MS = 20;
const GIVE_UP_MS = 15_000;
/** Longer than the instances' tick (a second), so each has read every change before the next. */
const SETTLE_MS = 1200;

/** The least the newsroom API takes for a published story (README "Publishing"), under the given headline. */
function story(slug: string, headline: string) {
  const summary = 'A story written through one instance and read through another, to time the change log.';
  return { locale: 'en', section: 'news', slug, headline, summary, bodyHtml: `<p>${summary}</p>`, publishedAt: new Date(Date.now() - 60_000).toISOString() };
}

/**
 * Milliseconds until `url` answers 200 with `text` in its page (from its cache, when `hit`),
 * polled every POLL_MS.
 */
async function untilServed(url: string, text: string, since: number, hit = false): Promise<number> {
  for (;;) {
    const response = await fetch(url).catch(() => null);
    const body = response ? await response.text() : '';
    const cached = !hit || response?.headers.get('x-nextjs-cache') === 'HIT';
    if (response?.status === 200 && body.includes(text) && cached) return performance.now() - since;
    if (performance.now() - since > GIVE_UP_MS) throw new Error(`${url} did not serve "${text}" within ${GIVE_UP_MS} ms`);
    await sleep(POLL_MS);
  }
}

export interface ChangeReachTimes {
  /** From the PUT's answer to the first reader serving the change, ms. */
  toFirst: number[];
  /** From the PUT's answer to the last reader serving it, ms. */
  toLast: number[];
}

/**
 * `samples` headline changes of one story, each PUT through `writer` (its answer comes after the
 * commit), timed until every reader serves the new headline on the story's page. Before each
 * write every reader has read the previous change from the log (a tick has passed) and serves
 * the page from its cache: a reader that served a change before its tick would otherwise apply
 * it afterwards, and its stale page would show the next change at once, without the log. The
 * writes are spread over the tick (a pause of n/samples of a second), so the samples do not all
 * fall at the same point of it.
 */
export async function changeReachTimes(writer: string, readers: string[], ingestToken: string, samples: number): Promise<ChangeReachTimes> {
  const run = Date.now().toString(36);
  const slug = `bench-change-${run}`;
  const headers = { authorization: `Bearer ${ingestToken}`, 'content-type': 'application/json' };
  const put = async (headline: string): Promise<string> => {
    const response = await fetch(`${writer}/api/v1/articles/bench-change-${run}`, { method: 'PUT', headers, body: JSON.stringify(story(slug, headline)) });
    if (response.status !== 200 && response.status !== 201) throw new Error(`ingest PUT answered ${response.status}: ${await response.text()}`);
    return new URL(((await response.json()) as { url: string }).url, writer).pathname;
  };
  const headline = (n: number) => `Bench change ${run} number ${n}`;
  const settle = async (n: number) => {
    await sleep(SETTLE_MS);
    await Promise.all(readers.map((reader) => untilServed(`${reader}${page}`, headline(n), performance.now(), true)));
  };
  const page = await put(headline(0));
  await Promise.all(readers.map((reader) => untilServed(`${reader}${page}`, headline(0), performance.now())));
  await settle(0);

  const times: ChangeReachTimes = { toFirst: [], toLast: [] };
  for (let n = 1; n <= samples; n++) {
    await sleep((1000 * n) / samples);
    await put(headline(n));
    const since = performance.now();
    const reached = await Promise.all(readers.map((reader) => untilServed(`${reader}${page}`, headline(n), since)));
    times.toFirst.push(reached[0]!);
    times.toLast.push(Math.max(...reached));
    await settle(n);
  }
  await fetch(`${writer}/api/v1/articles/bench-change-${run}`, { method: 'DELETE', headers });
  return times;
}

/**
 * LISTEN/NOTIFY delivery: a NOTIFY inside a transaction on one connection, timed from just before
 * its COMMIT is sent (PostgreSQL delivers at commit) to the notification on a listening
 * connection, one at a time; ms. Also the server's version.
 */
export async function notifyLatencies(databaseUrl: string, count: number): Promise<{ samples: number[]; serverVersion: string }> {
  const listener = new pg.Client({ connectionString: databaseUrl });
  const sender = new pg.Client({ connectionString: databaseUrl });
  await Promise.all([listener.connect(), sender.connect()]);
  try {
    await listener.query('LISTEN bench_change');
    // "15.18 (Debian 15.18-0+deb12u1)": the number is enough.
    const serverVersion = (await sender.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v.split(' ')[0]!;
    const samples: number[] = [];
    for (let i = -20; i < count; i++) {
      const payload = String(i);
      const arrived = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`NOTIFY ${payload} did not arrive within 5 s`)), 5000);
        const onNotification = (message: pg.Notification) => {
          if (message.payload !== payload) return;
          clearTimeout(timer);
          listener.off('notification', onNotification);
          resolve(performance.now());
        };
        listener.on('notification', onNotification);
      });
      await sender.query('BEGIN');
      await sender.query('SELECT pg_notify($1, $2)', ['bench_change', payload]);
      const committing = performance.now();
      await sender.query('COMMIT');
      const latency = (await arrived) - committing;
      // The first 20 warm both connections up.
      if (i >= 0) samples.push(latency);
    }
    return { samples, serverVersion };
  } finally {
    await Promise.all([listener.end(), sender.end()]);
  }
}
