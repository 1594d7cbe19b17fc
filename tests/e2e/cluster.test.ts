import { spawnSync } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { startCluster, type Cluster } from '../../scripts/lib/cluster';
import { freePort, startProductionServer, stopProcess, waitForServer } from '../../scripts/lib/local-server';
import { postgresMigrations } from '../../lib/db/migrations-postgres';
import en from '@/messages/en.json';
import { launchChromium } from './browser';
import { E2E_APP_SECRET, E2E_INGEST_TOKEN, formToken } from './server';

/*
 * Issue 15: three instances of the end-to-end build on one throwaway PostgreSQL, behind the
 * shipped nginx edge (scripts/lib/cluster.ts, as `npm run cluster` starts them). What one
 * instance changes, every instance serves within two seconds; forms and sessions work on any
 * instance; and the site rides out an instance killed under load and PostgreSQL going away.
 */

const root = path.resolve(__dirname, '..', '..');
const EMAIL = 'desk@cluster.example';
const PASSWORD = 'a cluster test password';
let cluster: Cluster;

beforeAll(async () => {
  cluster = await startCluster({
    instances: 3,
    distDir: '.next-e2e',
    durable: false,
    env: { APP_SECRET: E2E_APP_SECRET, INGEST_TOKEN: E2E_INGEST_TOKEN, LOG_LEVEL: 'info' },
  });
}, 300_000);

afterAll(async () => {
  await cluster?.stop();
}, 60_000);

const auth = { Authorization: `Bearer ${E2E_INGEST_TOKEN}`, 'Content-Type': 'application/json' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function article(slug: string, extra: Record<string, unknown> = {}) {
  return {
    locale: 'en',
    section: 'news',
    slug,
    headline: `Cluster story ${slug}`,
    summary: 'A story written through one instance and read through the others.',
    bodyHtml: '<p>First paragraph.</p>',
    authors: [{ name: 'Li Wen' }],
    publishedAt: new Date(Date.now() - 60_000).toISOString(),
    tags: [],
    status: 'published',
    ...extra,
  };
}

/**
 * A JSON POST from a given loopback address (127.0.0.0/8 is all this machine's): the edge
 * passes it on as the client's address, so each sender has its own contact rate limit.
 * null when the connection was refused or cut.
 */
function postFrom(localAddress: string, url: string, body: string, headers: Record<string, string>): Promise<{ status: number; body: string } | null> {
  return new Promise((resolve) => {
    const request = http.request(url, { method: 'POST', localAddress, headers: { ...headers, 'Content-Length': Buffer.byteLength(body) } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      response.on('error', () => resolve(null));
    });
    request.on('error', () => resolve(null));
    request.end(body);
  });
}

async function fetchNoRedirect(url: string, init: RequestInit = {}): Promise<Response> {
  return fetch(url, { redirect: 'manual', ...init });
}

/** Polls `check` on every instance until it holds everywhere; the milliseconds that took. */
async function onEveryInstance(check: (base: string) => Promise<boolean>, timeoutMs = 10_000): Promise<number> {
  const started = Date.now();
  const pending = new Set(cluster.instances.map((instance) => instance.url));
  while (pending.size > 0) {
    for (const base of [...pending]) if (await check(base).catch(() => false)) pending.delete(base);
    if (pending.size === 0) break;
    if (Date.now() - started > timeoutMs) throw new Error(`not served by ${[...pending].join(', ')} within ${timeoutMs} ms`);
    await sleep(100);
  }
  return Date.now() - started;
}

async function query<R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: cluster.databaseUrl });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

describe('one site on three instances', () => {
  it('serves a change made through any instance from every instance within 2 seconds', async () => {
    const [first, second, third] = cluster.instances;
    const slug = `cluster-story-${Date.now()}`;
    const put = await fetch(`${first!.url}/api/v1/articles/cluster-1`, { method: 'PUT', headers: auth, body: JSON.stringify(article(slug)) });
    expect(put.status).toBe(201);
    const page = (base: string) => `${base}/en/news/${slug}`;
    const created = await onEveryInstance(async (base) => {
      const [story, channel, home, feed] = await Promise.all([
        fetchNoRedirect(page(base)),
        fetch(`${base}/en/news`).then((r) => r.text()),
        fetch(`${base}/en`).then((r) => r.text()),
        fetch(`${base}/en/feed.xml`).then((r) => r.text()),
      ]);
      return story.status === 200 && [channel, home, feed].every((text) => text.includes(`Cluster story ${slug}`));
    });
    expect(created).toBeLessThanOrEqual(2000);

    // A new slug through the second instance: the old address redirects everywhere.
    const renamed = `${slug}-renamed`;
    const rename = await fetch(`${second!.url}/api/v1/articles/cluster-1`, { method: 'PUT', headers: auth, body: JSON.stringify(article(renamed)) });
    expect(rename.status).toBe(200);
    const moved = await onEveryInstance(async (base) => {
      const old = await fetchNoRedirect(page(base));
      return old.status === 308 && (old.headers.get('location') ?? '').endsWith(`/en/news/${renamed}`);
    });
    expect(moved).toBeLessThanOrEqual(2000);

    // Withdrawn through the third: 410 everywhere, gone from the lists.
    expect((await fetch(`${third!.url}/api/v1/articles/cluster-1`, { method: 'DELETE', headers: auth })).status).toBe(200);
    const gone = await onEveryInstance(async (base) => {
      const [story, channel] = await Promise.all([fetchNoRedirect(`${base}/en/news/${renamed}`), fetch(`${base}/en/news`).then((r) => r.text())]);
      return story.status === 410 && !channel.includes(`Cluster story ${slug}`);
    });
    expect(gone).toBeLessThanOrEqual(2000);
  });

  it('publishes a scheduled article on every instance within 2 seconds of its time, recording it once', async () => {
    const slug = `cluster-scheduled-${Date.now()}`;
    const due = Date.now() + 6_000;
    const put = await fetch(`${cluster.instances[0]!.url}/api/v1/articles/cluster-scheduled`, {
      method: 'PUT',
      headers: auth,
      body: JSON.stringify(article(slug, { publishedAt: new Date(due).toISOString() })),
    });
    expect(put.status).toBe(201);
    expect((await fetchNoRedirect(`${cluster.instances[1]!.url}/en/news/${slug}`)).status).toBe(404);
    // Every instance renders and keeps its channel page before the time: without it.
    await onEveryInstance(async (base) => !(await fetch(`${base}/en/news`).then((r) => r.text())).includes(`Cluster story ${slug}`));
    await sleep(Math.max(0, due - Date.now()));
    const started = Date.now();
    await onEveryInstance(async (base) => (await fetch(`${base}/en/news`).then((r) => r.text())).includes(`Cluster story ${slug}`));
    expect(Date.now() - started).toBeLessThanOrEqual(2000);
    // Whichever instance saw it first recorded it; the others found the row taken.
    const recorded = async () => Number((await query<{ n: string }>(`SELECT COUNT(*) AS n FROM content_changes WHERE key LIKE $1`, [`due:en:${slug}:%`]))[0]!.n);
    await onEveryInstance(async () => (await recorded()) > 0, 3_000);
    await sleep(2_000);
    expect(await recorded()).toBe(1);
    await fetch(`${cluster.instances[0]!.url}/api/v1/articles/cluster-scheduled`, { method: 'DELETE', headers: auth });
  });

  it('takes a form token and a staff session made by one instance on every other', async () => {
    // The form's token is signed with the shared APP_SECRET: sent to another instance, it is accepted.
    const sent = await fetch(`${cluster.instances[1]!.url}/api/contact`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: cluster.url },
      body: JSON.stringify({ name: 'Reader', email: 'reader@example.com', topic: 'general', message: 'Sent to the second instance.', consent: 'on', token: formToken() }),
    });
    expect(sent.status).toBe(201);

    const created = spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), ['scripts/staff.ts', 'add', EMAIL], {
      cwd: root,
      input: `${PASSWORD}\n`,
      encoding: 'utf8',
      env: { ...process.env, ...cluster.env },
    });
    expect(created.status).toBe(0);
    const signIn = await fetchNoRedirect(`${cluster.instances[0]!.url}/admin/sign-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: cluster.url },
      body: new URLSearchParams({ email: EMAIL, password: PASSWORD }).toString(),
    });
    expect(signIn.status).toBe(303);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
    for (const instance of cluster.instances.slice(1)) {
      const inbox = await fetchNoRedirect(`${instance.url}/admin/messages`, { headers: { cookie } });
      expect([instance.index, inbox.status]).toEqual([instance.index, 200]);
      expect(await inbox.text()).toContain('Sent to the second instance.');
    }
  });
});

describe('faults', () => {
  it('loses no reader request through the edge when an instance is killed under load, and takes it back once restarted', async () => {
    const paths = ['/en', '/zh', '/en/news', '/zh/news', '/en/business', '/en/culture', '/zh/culture', '/en/about'];
    // Warm the edge and every instance.
    for (const p of paths) await fetch(`${cluster.url}${p}`);
    const victim = cluster.instances[1]!;
    const load = autocannon({
      url: cluster.url,
      connections: 50,
      duration: 30,
      requests: paths.map((p) => ({ method: 'GET', path: p })),
    });
    const killer = sleep(8_000).then(() => victim.kill('SIGKILL'));
    const result = await load;
    await killer;
    expect(result.requests.total).toBeGreaterThan(1000);
    expect({ errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx }).toEqual({ errors: 0, timeouts: 0, non2xx: 0 });

    await victim.start();
    expect((await fetch(`${victim.url}/en/news`)).status).toBe(200);
    expect((await fetch(`${victim.url}/api/health`)).status).toBe(200);
  }, 120_000);

  it('stores every confirmed contact message exactly once while an instance is killed', async () => {
    const victim = cluster.instances[2]!;
    const confirmed = new Map<string, string>();
    let stop = false;
    const sender = async (n: number) => {
      for (let i = 0; !stop; i++) {
        const token = formToken();
        const body = JSON.stringify({ name: `Sender ${n}`, email: 's@example.com', topic: 'general', message: `cluster message ${n}-${i}`, consent: 'on', token });
        // Until the edge gives an answer about this message: a refused or cut connection, a
        // 502 (no instance took it) or a 503 (unreachable database) means send it again, same token.
        // Its own address for each message: the per-visitor limit (5 in 10 minutes) is not what is tested here.
        const from = `127.${10 + n}.${Math.floor(i / 250)}.${(i % 250) + 1}`;
        for (let attempt = 0; attempt < 50; attempt++) {
          const response = await postFrom(from, `${cluster.url}/api/contact`, body, { 'Content-Type': 'application/json', Origin: cluster.url });
          if (response && (response.status === 201 || response.status === 200)) {
            confirmed.set((JSON.parse(response.body) as { reference: string }).reference, `${n}-${i}`);
            break;
          }
          await sleep(100);
        }
      }
    };
    const senders = Promise.all([1, 2, 3, 4].map(sender));
    await sleep(3_000);
    await victim.kill('SIGKILL');
    await sleep(4_000);
    stop = true;
    await senders;
    await victim.start();
    expect(confirmed.size).toBeGreaterThan(20);
    const rows = await query<{ reference: string; message: string }>(`SELECT reference, message FROM contact_messages WHERE message LIKE 'cluster message %'`);
    const stored = new Map<string, number>();
    for (const row of rows) stored.set(row.message, (stored.get(row.message) ?? 0) + 1);
    for (const [reference, key] of confirmed) {
      expect([reference, stored.get(`cluster message ${key}`)]).toEqual([reference, 1]);
    }
    // Nothing stored twice, confirmed or not.
    expect([...stored.values()].every((count) => count === 1)).toBe(true);
  }, 120_000);

  it('rides out PostgreSQL stopping for 10 s: cached pages served, 503s that say why, everything back within 5 s', async () => {
    const cached = ['/en', '/en/news', '/zh'];
    for (const p of cached) expect((await fetch(`${cluster.url}${p}`)).status).toBe(200);
    // Readers with the contact form filled in, in a browser with and without JavaScript.
    const browser = await launchChromium();
    const t = en.Contact;
    const typed = { name: 'Reader During Outage', email: 'outage@example.com', message: 'Typed while the database was away.\nSecond line.' };
    const forms = await Promise.all(
      [true, false].map(async (javaScriptEnabled, i) => {
        const context = await browser.newContext({ javaScriptEnabled, extraHTTPHeaders: { 'X-Forwarded-For': `198.18.7.${i + 1}` } });
        await context.addCookies([{ name: 'consent', value: `v1.s0.${Math.floor(Date.now() / 1000)}`, url: cluster.url }]);
        const page = await context.newPage();
        await page.goto(`${cluster.url}/en/contact`);
        await page.getByLabel(t.name).fill(typed.name);
        await page.getByLabel(t.emailLabel).fill(typed.email);
        await page.getByLabel(t.topic).selectOption('general');
        await page.getByLabel(t.message).fill(typed.message);
        await page.locator('#contact-consent').check();
        return page;
      }),
    );
    // The form refuses a post faster than a person types.
    await sleep(3_100);
    const outage = Date.now();
    await cluster.postgres!.stop();
    try {
      for (const page of forms) {
        await page.getByRole('button', { name: t.send }).click();
        await page.getByText(t.unavailable).waitFor({ timeout: 15_000 });
        expect(await page.getByLabel(t.name).inputValue()).toBe(typed.name);
        expect(await page.getByLabel(t.emailLabel).inputValue()).toBe(typed.email);
        expect(await page.getByLabel(t.message).inputValue()).toBe(typed.message);
      }
      for (const p of cached) {
        const response = await fetch(`${cluster.url}${p}`);
        expect([p, response.status]).toEqual([p, 200]);
      }
      for (const instance of cluster.instances) {
        const health = await fetch(`${instance.url}/api/health`);
        expect([instance.index, health.status]).toEqual([instance.index, 503]);
      }
      const contact = await fetch(`${cluster.url}/api/contact`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: cluster.url },
        body: JSON.stringify({ name: 'Reader', email: 'reader@example.com', topic: 'general', message: 'While the database is away.', consent: 'on', token: formToken() }),
      });
      expect(contact.status).toBe(503);
      expect(contact.headers.get('retry-after')).toBe('5');
      const refusal = await contact.text();
      expect(JSON.parse(refusal)).toMatchObject({ error: { code: 'unavailable' } });
      expect(refusal).not.toMatch(/ECONNREFUSED|at .*\.js|SELECT|INSERT/);
      const ingest = await fetch(`${cluster.instances[0]!.url}/api/v1/articles/cluster-outage`, {
        method: 'PUT',
        headers: auth,
        body: JSON.stringify(article(`cluster-outage-${Date.now()}`)),
      });
      expect(ingest.status).toBe(503);
      expect(JSON.parse(await ingest.text())).toMatchObject({ error: { code: 'unavailable' } });
      await sleep(Math.max(0, outage + 10_000 - Date.now()));
    } finally {
      await cluster.postgres!.start();
    }
    const back = Date.now();
    await onEveryInstance(async (base) => (await fetch(`${base}/api/health`)).status === 200, 15_000);
    const contact = await fetch(`${cluster.url}/api/contact`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: cluster.url },
      body: JSON.stringify({ name: 'Reader', email: 'reader@example.com', topic: 'general', message: 'After the database came back.', consent: 'on', token: formToken() }),
    });
    expect(contact.status).toBe(201);
    expect(Date.now() - back).toBeLessThanOrEqual(5_000);
    // What the reader typed is sent as it was, once the database is back.
    await forms[0]!.getByRole('button', { name: t.send }).click();
    await forms[0]!.getByRole('heading', { name: t.sentTitle }).waitFor();
    const stored = await query<{ n: string }>(`SELECT COUNT(*) AS n FROM contact_messages WHERE message = $1`, [typed.message]);
    expect(Number(stored[0]!.n)).toBe(1);
    await browser.close();
  }, 120_000);

  it('starts two instances at once against an empty database: both come up, the migrations ran once', async () => {
    const url = await cluster.postgres!.createDatabase('empty_start');
    const servers = await Promise.all(
      [0, 1].map(async () => {
        const port = await freePort();
        const child = startProductionServer({ ...cluster.env, DATABASE_URL: url, PORT: String(port) }, 'ignore');
        return { port, child };
      }),
    );
    try {
      await Promise.all(servers.map(({ port, child }) => waitForServer(`http://127.0.0.1:${port}/api/health`, child)));
      for (const { port } of servers) expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query<{ n: string }>('SELECT COUNT(*) AS n FROM schema_migrations');
      await client.end();
      expect(Number(rows[0]!.n)).toBe(postgresMigrations.length);
    } finally {
      await Promise.all(servers.map(({ child }) => stopProcess(child)));
    }
  }, 120_000);

  it('refuses to start an instance on PostgreSQL without APP_SECRET, saying why', async () => {
    const { APP_SECRET: _secret, ...withoutSecret } = cluster.env;
    const port = await freePort();
    const child = startProductionServer({ ...withoutSecret, PORT: String(port) }, ['ignore', 'pipe', 'pipe']);
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
    expect(code).toBe(78);
    expect(output).toContain('APP_SECRET must be set when DATABASE_URL is');
  }, 60_000);
});

