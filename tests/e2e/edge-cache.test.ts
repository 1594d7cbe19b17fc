import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { CONSENT_MAX_AGE_SECONDS, formatConsent, POLICY_VERSION } from '@/lib/consent/cookie';
import { startEdge, type RunningEdge } from '@/scripts/lib/edge';
import { freePort } from '@/scripts/lib/local-server';
import { baseUrl, formToken, requestQueryCount } from './server';

/*
 * The shipped edge cache (ops/nginx/edge.conf) in real nginx: once in front of the production
 * server, and once in front of a small origin this file controls, to see what reaches the
 * origin and to make it fail. Needs nginx (Debian: nginx-light); .ci/run installs it.
 */

jest.setTimeout(60_000);

const tempDirs: string[] = [];
function cacheDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-edge-test-'));
  tempDirs.push(dir);
  return dir;
}

let edge: RunningEdge;
beforeAll(async () => {
  edge = await startEdge({ port: await freePort(), upstreamPort: Number(new URL(baseUrl()).port), cacheDir: cacheDir() });
});
afterAll(async () => {
  await edge?.stop();
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

function viaEdge(pathname: string, init: RequestInit = {}, through: RunningEdge = edge): Promise<Response> {
  return fetch(`${through.url}${pathname}`, { redirect: 'manual', ...init });
}

const cacheStatus = (response: Response) => response.headers.get('x-cache-status');
const hasBanner = (html: string) => html.includes('action="/api/consent"');
const choice = (statistics: boolean, ageSeconds: number) =>
  `consent=${formatConsent({ version: POLICY_VERSION, statistics, decidedAt: Date.now() - ageSeconds * 1000 })}`;

async function olderArticle(locale: 'en' | 'zh'): Promise<string> {
  // The last article of a long channel: not prerendered, so its first request renders it.
  const page = async (n: number) => {
    const response = await fetch(`${baseUrl()}/api/channels/travel/articles?locale=${locale}&page=${n}`);
    return (await response.json()) as { items: { channel: string; slug: string }[]; totalPages: number };
  };
  const last = (await page((await page(1)).totalPages)).items.at(-1)!;
  return `/${locale}/${last.channel}/${last.slug}`;
}

describe('edge cache in front of the portal', () => {
  it.each(['en', 'zh'] as const)('serves a repeated %s article from the cache: no request reaches the database', async (locale) => {
    const url = await olderArticle(locale);
    const first = await viaEdge(url);
    expect(first.status).toBe(200);
    expect(cacheStatus(first)).toBe('MISS');
    const body = await first.text();
    const before = requestQueryCount();
    for (let i = 0; i < 3; i++) {
      const again = await viaEdge(url);
      expect(cacheStatus(again)).toBe('HIT');
      expect(await again.text()).toBe(body);
    }
    expect(requestQueryCount()).toBe(before);
  });

  it.each(['en', 'zh'] as const)(
    'keeps the %s page with the cookie banner and the one without apart; every current choice shares one entry',
    async (locale) => {
      const url = `/${locale}/news`;
      const accepted = choice(true, 60);
      const refusedEarlier = choice(false, 200 * 24 * 3600);

      const ask = await viaEdge(url);
      expect(cacheStatus(ask)).toBe('MISS');
      expect(hasBanner(await ask.text())).toBe(true);
      const quiet = await viaEdge(url, { headers: { Cookie: accepted } });
      expect(cacheStatus(quiet)).toBe('MISS');
      expect(hasBanner(await quiet.text())).toBe(false);

      const askAgain = await viaEdge(url, { headers: { Cookie: 'theme=dark' } });
      expect(cacheStatus(askAgain)).toBe('HIT');
      expect(hasBanner(await askAgain.text())).toBe(true);
      // Another visitor, another choice, another time: the same entry as the first choice.
      const otherChoice = await viaEdge(url, { headers: { Cookie: `theme=dark; ${refusedEarlier}` } });
      expect(cacheStatus(otherChoice)).toBe('HIT');
      expect(hasBanner(await otherChoice.text())).toBe(false);
    },
  );

  it('never stores a page under the quiet key for a choice the app does not count (older than a year, from the future)', async () => {
    const url = '/en/about';
    const expired = choice(false, CONSENT_MAX_AGE_SECONDS + 24 * 3600);
    const future = choice(true, -7 * 24 * 3600);
    for (const cookie of [expired, future, expired]) {
      const response = await viaEdge(url, { headers: { Cookie: cookie } });
      // The app shows such a visitor the banner, and the edge passes that on without storing it.
      expect(cacheStatus(response)).toBe('MISS');
      expect(hasBanner(await response.text())).toBe(true);
    }
    const current = await viaEdge(url, { headers: { Cookie: choice(true, 60) } });
    expect(cacheStatus(current)).toBe('MISS');
    expect(hasBanner(await current.text())).toBe(false);
    const currentAgain = await viaEdge(url, { headers: { Cookie: choice(false, 60) } });
    expect(cacheStatus(currentAgain)).toBe('HIT');
    expect(hasBanner(await currentAgain.text())).toBe(false);
  });

  it.each([
    ['/admin/login', 'BYPASS'],
    ['/admin', 'BYPASS'],
    ['/en/contact', 'BYPASS'],
    ['/zh/contact', 'BYPASS'],
    ['/en/cookies', 'BYPASS'],
    ['/zh/cookies', 'BYPASS'],
    ['/api/health', 'BYPASS'],
  ])('never answers %s from the cache', async (url, status) => {
    for (let i = 0; i < 3; i++) {
      const response = await viaEdge(url);
      expect(response.status).toBeLessThan(400);
      expect(cacheStatus(response)).toBe(status);
      expect(response.headers.get('cache-control')).toMatch(/no-store/);
    }
  });

  it('passes form posts through: the same message posted twice is stored once (201, then 200)', async () => {
    const body = JSON.stringify({
      name: 'Edge Reader',
      email: 'edge@example.com',
      topic: 'general',
      message: 'Posted through the edge cache.',
      consent: 'on',
      locale: 'en',
      token: formToken(),
    });
    const post = () =>
      // The page's origin is the site's public one (SITE_URL), which the edge stands for.
      viaEdge('/api/contact', { method: 'POST', body, headers: { 'Content-Type': 'application/json', Origin: baseUrl() } });
    const first = await post();
    expect(first.status).toBe(201);
    const { reference } = (await first.json()) as { reference: string };
    const second = await post();
    expect(second.status).toBe(200);
    expect(((await second.json()) as { reference: string }).reference).toBe(reference);
    for (const response of [first, second]) expect(cacheStatus(response)).not.toBe('HIT');
  });

  it.each(['/en', '/zh', '/en/news', '/zh/business', '/en/about', '/zh/privacy', '/en/feed.xml', '/sitemap.xml'])(
    'answers %s as a shared, cacheable response: s-maxage, not private, no Set-Cookie',
    async (url) => {
      for (const cookie of ['', choice(true, 60)]) {
        const response = await viaEdge(url, { headers: { Cookie: cookie } });
        expect(response.status).toBe(200);
        expect(response.headers.get('set-cookie')).toBeNull();
        expect(response.headers.get('cache-control')).toMatch(/s-maxage=\d+/);
        expect(response.headers.get('cache-control')).not.toMatch(/private|no-store|no-cache/);
      }
      expect(cacheStatus(await viaEdge(url))).toBe('HIT');
    },
  );

  it('shares the build files between the variants', async () => {
    const html = await (await viaEdge('/en/privacy', { headers: { Cookie: choice(true, 60) } })).text();
    const script = /\/_next\/static\/[^"]+\.js/.exec(html)![0];
    // The app's responses say Vary: Accept-Encoding, which the edge honours: one entry per value.
    const gzip = { 'Accept-Encoding': 'gzip' };
    expect(cacheStatus(await viaEdge(script, { headers: gzip }))).toBe('MISS');
    const again = await viaEdge(script, { headers: { ...gzip, Cookie: choice(true, 60) } });
    expect(cacheStatus(again)).toBe('HIT');
    expect(again.headers.get('cache-control')).toMatch(/immutable/);
    expect((await again.text()).length).toBeGreaterThan(0);
  });

  it.each(['/zh/privacy', '/en/feed.xml', '/api/channels/news/articles?locale=en&page=1'])('compresses %s', async (url) => {
    const response = await viaEdge(url, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect((await response.text()).length).toBeGreaterThan(1024);
  });

  it('keys the 404 page outside /en and /zh on the visitor\'s language', async () => {
    const ask = (language: string) => viaEdge('/fr/nowhere', { headers: { 'Accept-Language': language } });
    const chinese = await ask('zh-CN,zh;q=0.9');
    expect(chinese.status).toBe(404);
    expect(await chinese.text()).toContain('<html lang="zh-Hans"');
    const english = await ask('en-GB,en;q=0.9');
    expect(english.status).toBe(404);
    expect(await english.text()).toContain('<html lang="en"');
    expect(cacheStatus(await ask('zh-CN,zh;q=0.9'))).toBe('HIT');
  });
});

/** An origin whose answers and failures the test decides; it records every request. */
interface Origin {
  requests: { url: string; headers: http.IncomingHttpHeaders; status: number }[];
  version: number;
  failing: boolean;
  start(): Promise<void>;
  stop(): Promise<void>;
  port: number;
}

function createOrigin(port: number): Origin {
  let server: http.Server | null = null;
  const origin: Origin = {
    requests: [],
    version: 1,
    failing: false,
    port,
    start: () =>
      new Promise((resolve) => {
        server = http.createServer((request, response) => {
          const record = (status: number) => origin.requests.push({ url: request.url!, headers: request.headers, status });
          const url = request.url!;
          if (origin.failing) {
            record(503);
            response.writeHead(503, { 'Content-Type': 'text/plain' }).end('down');
          } else if (url === '/story' || url.startsWith('/slow')) {
            const etag = `"story-${origin.version}"`;
            const headers = { 'Cache-Control': 'public, s-maxage=1, stale-while-revalidate=30', ETag: etag };
            if (request.headers['if-none-match'] === etag) {
              record(304);
              response.writeHead(304, headers).end();
              return;
            }
            record(200);
            const send = () => response.writeHead(200, { ...headers, 'Content-Type': 'text/plain' }).end(`story ${origin.version}`);
            if (url.startsWith('/slow')) setTimeout(send, 300);
            else send();
          } else if (url === '/long') {
            record(200);
            // Echoes the request id like the portal does.
            response
              .writeHead(200, { 'Cache-Control': 'public, s-maxage=60', 'Content-Type': 'text/plain', 'X-Request-Id': String(request.headers['x-request-id']) })
              .end('kept a minute');
          } else if (url === '/with-cookie') {
            record(200);
            response
              .writeHead(200, { 'Cache-Control': 'public, s-maxage=60', 'Set-Cookie': 'session=abc; HttpOnly', 'Content-Type': 'text/plain' })
              .end('for one visitor');
          } else {
            record(200);
            response.writeHead(200, { 'Cache-Control': 'no-store', 'Content-Type': 'application/json' }).end(JSON.stringify(request.headers));
          }
        });
        server.listen(port, '127.0.0.1', () => resolve());
      }),
    stop: () =>
      new Promise((resolve) => {
        if (!server) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
        server = null;
      }),
  };
  return origin;
}

/** Asks until `done` says so; each step is a request, so no timing is asserted. */
async function until<T>(step: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const value = await step();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`gave up waiting: ${what}`);
}

describe('edge cache in front of an origin the test controls', () => {
  let origin: Origin;
  let front: RunningEdge;
  const story = async () => {
    const response = await viaEdge('/story', {}, front);
    return { status: response.status, cache: cacheStatus(response), body: await response.text() };
  };

  beforeAll(async () => {
    origin = createOrigin(await freePort());
    await origin.start();
    front = await startEdge({ port: await freePort(), upstreamPort: origin.port, cacheDir: cacheDir() });
  });
  afterAll(async () => {
    await front?.stop();
    await origin?.stop();
  });

  it('serves a fresh copy without asking the origin, then revalidates with a conditional request', async () => {
    expect(await story()).toEqual({ status: 200, cache: 'MISS', body: 'story 1' });
    expect(await story()).toEqual({ status: 200, cache: 'HIT', body: 'story 1' });
    expect(origin.requests.filter((r) => r.url === '/story')).toHaveLength(1);

    // Once s-maxage has passed, the stale copy is served while it is checked in the background.
    const stale = await until(story, (s) => s.cache !== 'HIT', 'the entry to expire');
    expect(stale).toEqual({ status: 200, cache: 'STALE', body: 'story 1' });
    await until(async () => origin.requests.at(-1), (r) => r?.status === 304, 'a revalidation');
    expect(origin.requests.at(-1)!.headers['if-none-match']).toBe('"story-1"');
    expect(await until(story, (s) => s.cache === 'HIT', 'the refreshed entry')).toEqual({ status: 200, cache: 'HIT', body: 'story 1' });
  });

  it('serves the stale copy while the origin fails or is down, and the new one once it is back', async () => {
    origin.failing = true;
    await until(story, (s) => s.cache !== 'HIT', 'the entry to expire');
    await until(async () => origin.requests.at(-1), (r) => r?.status === 503, 'a failed refresh');
    for (let i = 0; i < 3; i++) expect(await story()).toMatchObject({ status: 200, body: 'story 1' });

    await origin.stop();
    for (let i = 0; i < 3; i++) expect(await story()).toMatchObject({ status: 200, body: 'story 1' });

    origin.failing = false;
    origin.version = 2;
    await origin.start();
    await until(story, (s) => s.body === 'story 2', 'the new version');
    expect(origin.requests.some((r) => r.headers['if-none-match'] === '"story-1"' && r.status === 200)).toBe(true);
  });

  it('sends one request to the origin for many concurrent misses', async () => {
    const before = origin.requests.length;
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => viaEdge('/slow?n=1', {}, front).then((r) => r.text())),
    );
    expect(new Set(answers)).toEqual(new Set(['story 2']));
    expect(origin.requests.slice(before).filter((r) => r.url === '/slow?n=1')).toHaveLength(1);
  });

  it('does not store a response that sets a cookie', async () => {
    for (let i = 0; i < 2; i++) {
      const response = await viaEdge('/with-cookie', {}, front);
      expect(response.headers.get('set-cookie')).toBe('session=abc; HttpOnly');
      expect(cacheStatus(response)).toBe('MISS');
    }
    expect(origin.requests.filter((r) => r.url === '/with-cookie')).toHaveLength(2);
  });

  it('tells the origin who the client is: its own address appended to X-Forwarded-For, the scheme and host it saw', async () => {
    const seen = async (headers: Record<string, string>) =>
      (await (await viaEdge('/echo', { headers }, front)).json()) as Record<string, string | undefined>;
    const forwarded = await seen({ 'X-Forwarded-For': '203.0.113.7', 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'evil.example' });
    expect(forwarded['x-forwarded-for']).toBe('203.0.113.7, 127.0.0.1');
    expect(forwarded['x-forwarded-proto']).toBe('http');
    expect(forwarded['x-forwarded-host']).toBeUndefined();
    expect(forwarded.host).toBe(new URL(front.url).host);
    expect((await seen({}))['x-forwarded-for']).toBe('127.0.0.1');
  });

  it('gives every request its own id, passed to the origin and answered, even from the cache', async () => {
    const response = await viaEdge('/echo', { headers: { 'X-Request-Id': 'chosen-by-the-client' } }, front);
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(((await response.json()) as Record<string, string>)['x-request-id']).toBe(id);
    const first = await viaEdge('/long', {}, front);
    const again = await viaEdge('/long', {}, front);
    expect(cacheStatus(again)).toBe('HIT');
    expect(again.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
    expect(again.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
  });
});
