import en from '@/messages/en.json';
import zh from '@/messages/zh.json';
import { baseUrl, E2E_INGEST_TOKEN, get } from './server';

/*
 * The newsroom API on the running production server: authentication, validation, sanitizing,
 * and each change visible at once, without a rebuild or restart.
 */

const auth = { Authorization: `Bearer ${E2E_INGEST_TOKEN}` };
const json = { 'Content-Type': 'application/json' };
let counter = 0;

function article(extra: Record<string, unknown> = {}) {
  counter += 1;
  return {
    locale: 'en',
    section: 'news',
    slug: `ingest-test-${Date.now()}-${counter}`,
    headline: `A headline from the newsroom ${counter}`,
    summary: 'A summary long enough to describe the story.',
    bodyHtml: '<p>First paragraph.</p><h2>More</h2><p>Second paragraph.</p>',
    authors: [{ name: 'Li Wen' }],
    // Old, so that they never reach the newest-articles lists and feeds other suites read.
    publishedAt: '2001-01-01T09:00:00+08:00',
    image: { src: '/images/demo/news-02-lead.jpg', alt: 'A street', caption: 'A street. (Photo / Li Wen)', credit: 'Li Wen' },
    tags: ['city'],
    status: 'published',
    ...extra,
  };
}

/** Every id sent, withdrawn again afterwards: other test files count the newest articles. */
const sent = new Set<string>();
const put = (id: string, body: unknown, headers: Record<string, string> = auth) => {
  sent.add(id);
  return get(`/api/v1/articles/${id}`, { method: 'PUT', body: JSON.stringify(body), headers: { ...json, ...headers } });
};

afterAll(async () => {
  for (const id of sent) await get(`/api/v1/articles/${id}`, { method: 'DELETE', headers: auth });
}, 30_000);

describe('authentication', () => {
  it.each([[{}], [{ Authorization: 'Bearer wrong-token-0123456789' }], [{ Authorization: E2E_INGEST_TOKEN }]])(
    'refuses %j with 401 on every method',
    async (headers) => {
      expect((await put('auth-test', article(), headers)).status).toBe(401);
      expect((await get('/api/v1/articles/auth-test', { headers })).status).toBe(401);
      expect((await get('/api/v1/articles/auth-test', { method: 'DELETE', headers })).status).toBe(401);
    },
  );
});

describe('validation', () => {
  it.each([
    [{ locale: 'fr' }, 'locale'],
    [{ section: 'no-such-channel' }, 'section'],
    [{ slug: 'Not A Slug' }, 'slug'],
    [{ headline: '' }, 'headline'],
    [{ publishedAt: 'yesterday' }, 'publishedAt'],
    [{ status: 'live' }, 'status'],
    [{ image: { src: 'javascript:alert(1)', alt: '' } }, 'image.src'],
    [{ image: { src: '/images/demo/no-such-picture.jpg', alt: '' } }, 'image.src'],
    [{ bodyHtml: '<script>alert(1)</script>' }, 'bodyHtml'],
  ])('answers %j with 422 naming %s', async (change, field) => {
    const response = await put(`invalid-${counter}`, article(change));
    expect(response.status).toBe(422);
    expect(Object.keys(((await response.json()) as { fields: Record<string, string> }).fields)).toContain(field);
  });

  it.each([
    [{ src: 'https://evil.example/a.jpg', alt: '', width: 800, height: 600 }, 'not allowed'],
    [{ src: 'http://images.example.com/a.jpg', alt: '', width: 800, height: 600 }, 'https'],
    [{ src: 'https://images.example.com/a.jpg', alt: '' }, 'width and height'],
    [{ src: '//images.example.com/a.jpg', alt: '', width: 800, height: 600 }, 'https'],
  ])('refuses the picture %j', async (image, reason) => {
    const response = await put(`picture-${counter}`, article({ image }));
    expect(response.status).toBe(422);
    expect(((await response.json()) as { fields: Record<string, string> }).fields['image.src']).toContain(reason);
  });

  it('answers malformed JSON with 400 and other content types with 415', async () => {
    expect((await get('/api/v1/articles/x', { method: 'PUT', body: '{', headers: { ...json, ...auth } })).status).toBe(400);
    expect((await get('/api/v1/articles/x', { method: 'PUT', body: 'a', headers: { 'Content-Type': 'text/plain', ...auth } })).status).toBe(415);
  });
});

describe('sanitizing the body', () => {
  it.each([
    ['<p>ok</p><script>alert(1)</script>', '<p>ok</p>'],
    ['<p onclick="alert(1)">ok</p>', '<p>ok</p>'],
    ['<p><a href="javascript:alert(1)">x</a></p>', '<p><a>x</a></p>'],
    ['<p style="position:fixed">ok</p><style>p{}</style>', '<p>ok</p>'],
    ['<img src="x" onerror="alert(1)"><p>ok</p>', '<p>ok</p>'],
    ['<iframe src="https://evil.example"></iframe><p>ok</p>', '<p>ok</p>'],
    ['<p><a href="https://example.com/a" title="t">x</a></p>', '<p><a href="https://example.com/a" title="t">x</a></p>'],
    ['<figure><img src="https://cdn.example/a.jpg" alt="a" width="10" height="5"><figcaption>c</figcaption></figure>', '<figure><img src="https://cdn.example/a.jpg" alt="a" width="10" height="5" /><figcaption>c</figcaption></figure>'],
  ])('stores %s as %s', async (bodyHtml, stored) => {
    const id = `sanitize-${counter + 1}`;
    expect([200, 201]).toContain((await put(id, article({ bodyHtml }))).status);
    const body = (await (await get(`/api/v1/articles/${id}`, { headers: auth })).json()) as { bodyHtml: string };
    expect(body.bodyHtml).toBe(stored);
  });
});

describe('publishing without a rebuild', () => {
  it('creates, updates, renames and withdraws, each visible on the next request', async () => {
    const id = `live-${Date.now()}`;
    const first = article({ publishedAt: new Date(Date.now() - 60_000).toISOString() });
    const created = await put(id, first);
    expect(created.status).toBe(201);
    const { url } = (await created.json()) as { url: string };
    expect(url).toBe(`/en/news/${first.slug}`);
    expect(await (await get(url)).text()).toContain(first.headline);
    expect(await (await get('/en/news')).text()).toContain(first.headline);
    // Feeds and the news sitemap are refreshed by the change too.
    expect(await (await get('/en/feed.xml')).text()).toContain(first.slug);
    expect(await (await get('/en/news/feed.xml')).text()).toContain(first.slug);
    expect(await (await get('/sitemaps/news.xml')).text()).toContain(first.slug);

    const updated = await put(id, { ...first, headline: 'An updated headline from the newsroom' });
    expect(updated.status).toBe(200);
    expect(await (await get(url)).text()).toContain('An updated headline from the newsroom');
    expect(await (await get('/en')).text()).toContain('An updated headline from the newsroom');

    const renamed = await put(id, { ...first, headline: 'An updated headline from the newsroom', slug: `${first.slug}-renamed` });
    const { url: newUrl } = (await renamed.json()) as { url: string };
    const moved = await get(url);
    expect(moved.status).toBe(308);
    expect(new URL(moved.headers.get('location')!, 'http://x').pathname).toBe(newUrl);
    expect((await get(newUrl)).status).toBe(200);

    const stored = (await (await get(`/api/v1/articles/${id}`, { headers: auth })).json()) as Record<string, unknown>;
    expect(stored).toMatchObject({ id, slug: `${first.slug}-renamed`, status: 'published', authors: [{ name: 'Li Wen' }] });

    expect((await get(`/api/v1/articles/${id}`, { method: 'DELETE', headers: auth })).status).toBe(200);
    expect((await get(newUrl)).status).toBe(410);
    expect(await (await get('/en/news')).text()).not.toContain(`${first.slug}-renamed`);
    expect(await (await get('/en/feed.xml')).text()).not.toContain(first.slug);
    expect(await (await get('/en/news/feed.xml')).text()).not.toContain(first.slug);
    expect(await (await get('/sitemaps/news.xml')).text()).not.toContain(first.slug);
    expect((await get('/api/v1/articles/never-sent', { headers: auth })).status).toBe(404);
  });

  it('publishes a scheduled article when its time comes, with no further request from the newsroom', async () => {
    const due = Date.now() + 4_000;
    const scheduled = article({ publishedAt: new Date(due).toISOString(), headline: 'A story embargoed for four seconds' });
    const { url } = (await (await put(`scheduled-${due}`, scheduled)).json()) as { url: string };
    expect((await get(url)).status).toBe(404);
    await new Promise((resolve) => setTimeout(resolve, due - Date.now() + 1_100));
    expect((await get(url)).status).toBe(200);
    const list = (await (await get('/api/channels/news/articles?locale=en&page=1')).json()) as { items: { slug: string }[] };
    expect(list.items.map((item) => item.slug)).toContain(scheduled.slug);
    // The cached channel and home pages and the feed were refreshed by the server's own
    // scheduler (every 5 s), not by the newsroom and not by waiting out their cache time.
    const deadline = Date.now() + 15_000;
    let shown = false;
    while (!shown && Date.now() < deadline) {
      const [channel, home, feed] = await Promise.all([get('/en/news'), get('/en'), get('/en/feed.xml')]);
      shown = [await channel.text(), await home.text(), await feed.text()].every((text) => text.includes(scheduled.slug));
      if (!shown) await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    expect(shown).toBe(true);
  }, 40_000);

  it('shows a picture from a configured host through the image optimizer of the site', async () => {
    const image = { src: 'https://images.example.com/photos/pier.jpg', alt: 'The pier', width: 1600, height: 900 };
    const response = await put(`remote-picture-${Date.now()}`, article({ image }));
    expect(response.status).toBe(201);
    const html = await (await get(((await response.json()) as { url: string }).url)).text();
    // Readers' browsers ask this site, never the newsroom's picture host.
    expect(html).toContain(`/_next/image?url=${encodeURIComponent(image.src)}&amp;w=`);
    expect(html).toContain(`<meta property="og:image" content="${image.src}"/>`);
  });

  it('pairs a translation with its original (translationOf), both ways', async () => {
    const stamp = Date.now();
    const english = await put(`pair-en-${stamp}`, article({ slug: `pair-en-${stamp}` }));
    const chinese = await put(
      `pair-zh-${stamp}`,
      article({ locale: 'zh', slug: `pair-zh-${stamp}`, headline: '新闻编辑部发来的标题', translationOf: `pair-en-${stamp}` }),
    );
    const enUrl = ((await english.json()) as { url: string }).url;
    const zhUrl = ((await chinese.json()) as { url: string }).url;
    const enPage = await (await get(enUrl)).text();
    const zhPage = await (await get(zhUrl)).text();
    // Each announces the other as its alternate language version, and links to it.
    expect(enPage).toContain(`hrefLang="zh" href="${baseUrl()}${zhUrl}"`);
    expect(zhPage).toContain(`hrefLang="en" href="${baseUrl()}${enUrl}"`);
  });

  it('keeps the endpoint of the scheduler to the server itself', async () => {
    expect((await get('/api/internal/publish-due', { method: 'POST' })).status).toBe(404);
    expect((await get('/api/internal/publish-due', { method: 'POST', headers: { 'x-internal-token': 'guess' } })).status).toBe(404);
  });
});

describe('the 404 and 410 pages after a change', () => {
  /** The <title> inside <head>, and whether the internal status header leaked. */
  const headOf = async (path: string) => {
    const response = await get(path);
    const html = await response.text();
    const head = html.slice(0, html.indexOf('</head>'));
    return { status: response.status, title: /<title>([^<]*)<\/title>/.exec(head)?.[1] ?? null, leaked: response.headers.has('x-portal-status') };
  };

  // A change refreshes these pages (they list the latest articles); Next.js must render them
  // as the pages they are, not as a not-found error that keeps only the site's title.
  it('keeps their own title in <head> when they are rendered again, in both languages', async () => {
    expect((await put('refresh-fallbacks', article())).status).toBe(201);
    for (const [locale, text] of [['en', en], ['zh', zh]] as const) {
      for (let i = 0; i < 2; i++) {
        const page = await headOf(`/${locale}/no-such-page-${Date.now()}`);
        expect(page).toEqual({ status: 404, title: expect.stringContaining(text.NotFound.title), leaked: false });
      }
    }
    const { url } = (await (await get('/api/v1/articles/refresh-fallbacks', { headers: auth })).json()) as { url: string };
    expect((await get('/api/v1/articles/refresh-fallbacks', { method: 'DELETE', headers: auth })).status).toBe(200);
    for (let i = 0; i < 2; i++) {
      expect(await headOf(new URL(url, baseUrl()).pathname)).toEqual({
        status: 410,
        title: expect.stringContaining(en.Withdrawn.title),
        leaked: false,
      });
    }
  });
});
