import fs from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { fixtures } from './fixtures';
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

type ErrorAnswer = { error: { code: string; message: string }; fields: Record<string, string> };
type SavedAnswer = { id: string; url: string; warnings?: { code: string; field: string; message: string }[] };
const stored = async (id: string) => get(`/api/v1/articles/${id}`, { headers: auth });

// Files under public/ that are not pictures, for the picture checks (public/images/demo is not
// committed: the seed draws it). The server reads public/ of this checkout.
const publicDemo = path.join(__dirname, '..', '..', 'public', 'images', 'demo');
const notAPicture = path.join(publicDemo, '__ingest-not-a-picture.jpg');
const linkOut = path.join(publicDemo, '__ingest-link-out.jpg');
beforeAll(() => {
  fs.writeFileSync(notAPicture, 'plain text with a picture name\n');
  fs.rmSync(linkOut, { force: true });
  fs.symlinkSync(path.join(__dirname, '..', '..', 'package.json'), linkOut);
});
afterAll(() => {
  fs.rmSync(notAPicture, { force: true });
  fs.rmSync(linkOut, { force: true });
});

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

  it.each([
    // Before issue 14: 500 with an empty body (decodeURIComponent threw).
    [{ src: '/images/%ZZ.jpg', alt: 'a' }, 'percent-encoding'],
    [{ src: '/images/demo/news-02-lead%E0%A4%A.jpg', alt: 'a', width: 10, height: 10 }, 'percent-encoding'],
    // Before: accepted (201) whenever width and height were given, the file never looked at.
    [{ src: '/images/demo/no-such-picture.jpg', alt: 'a', width: 800, height: 600 }, 'no such picture'],
    [{ src: '/../package.json', alt: 'a', width: 10, height: 10 }, '..'],
    [{ src: '/images/demo/../../../package.json', alt: 'a' }, '..'],
    [{ src: '/images/%2E%2E/%2E%2E/package.json', alt: 'a' }, '..'],
    [{ src: '/images%2F..%2F..%2Fpackage.json', alt: 'a' }, 'encoded slashes'],
    [{ src: '/images%5Cdemo%5Cnews-02-lead.jpg', alt: 'a' }, 'encoded slashes'],
    [{ src: '/images/demo/news-02-lead.jpg%00.txt', alt: 'a' }, 'control characters'],
    [{ src: '/images/demo', alt: 'a' }, 'no such picture'],
    [{ src: '/images/demo/', alt: 'a', width: 10, height: 10 }, 'no such picture'],
    [{ src: '/images/demo/__ingest-not-a-picture.jpg', alt: 'a' }, 'not a picture'],
    [{ src: '/images/demo/__ingest-not-a-picture.jpg', alt: 'a', width: 10, height: 10 }, 'not a picture'],
    [{ src: '/images/demo/__ingest-link-out.jpg', alt: 'a', width: 10, height: 10 }, 'no such picture'],
    [{ src: '/\\images.example.com/a.jpg', alt: 'a', width: 10, height: 10 }, 'site path'],
  ])('refuses the site picture %j with 422, storing nothing', async (image, reason) => {
    const id = `site-picture-${counter + 1}`;
    const response = await put(id, article({ image }));
    expect(response.status).toBe(422);
    const body = (await response.json()) as ErrorAnswer;
    expect(body.error.code).toBe('invalid_fields');
    expect(body.fields['image.src']).toContain(reason);
    expect((await stored(id)).status).toBe(404);
  });

  it('takes a site picture with its size from the file, or as given', async () => {
    const measured = await put(`site-picture-ok-${Date.now()}`, article({ image: { src: '/images/demo/news-02-lead.jpg', alt: 'a' } }));
    expect(measured.status).toBe(201);
    const { id } = (await measured.json()) as SavedAnswer;
    expect(((await (await stored(id)).json()) as { image: { width: number } }).image.width).toBeGreaterThan(0);
    const encoded = await put(`site-picture-enc-${Date.now()}`, article({ image: { src: '/images/demo/news%2D02-lead.jpg', alt: 'a', width: 16, height: 9 } }));
    expect(encoded.status).toBe(201);
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
    ['<figure><img src="https://images.example.com/a.jpg" alt="a" width="10" height="5"><figcaption>c</figcaption></figure>', '<figure><img src="https://images.example.com/a.jpg" alt="a" width="10" height="5" /><figcaption>c</figcaption></figure>'],
  ])('stores %s as %s', async (bodyHtml, kept) => {
    const id = `sanitize-${counter + 1}`;
    expect([200, 201]).toContain((await put(id, article({ bodyHtml }))).status);
    const body = (await (await stored(id)).json()) as { bodyHtml: string };
    expect(body.bodyHtml).toBe(kept);
  });

  it.each([
    'https://img.example.invalid/t.gif',
    'https://images.example.com.img.example.invalid/t.gif',
    '/\\img.example.invalid/t.gif',
    '/&#9;/img.example.invalid/t.gif',
  ])('removes a body picture from a host the site did not choose (%s) and says so', async (src) => {
    // Before issue 14: https pictures from any host were stored, shown and allowed by the CSP.
    const id = `pixel-${counter + 1}`;
    const response = await put(id, article({ bodyHtml: `<p>Text.</p><img src="${src}" width="1" height="1">` }));
    expect(response.status).toBe(201);
    const { warnings } = (await response.json()) as SavedAnswer;
    expect(warnings).toEqual([expect.objectContaining({ code: 'picture_removed', field: 'bodyHtml' })]);
    expect(((await (await stored(id)).json()) as { bodyHtml: string }).bodyHtml).toBe('<p>Text.</p>');
  });

  it('answers without warnings when nothing was removed', async () => {
    const response = await put(`no-warnings-${Date.now()}`, article());
    expect(Object.keys((await response.json()) as SavedAnswer).sort()).toEqual(['id', 'url']);
  });
});

describe('conflicts with what is stored', () => {
  // Before issue 14: 500 with an empty body for every one of these slugs.
  it.each([
    ['a published article of another channel', () => fixtures.freshEn.slug],
    ['a withdrawn article', () => fixtures.withdrawn.slug],
    ['a scheduled article', () => fixtures.scheduled.slug],
    ['a draft', () => draftSlug],
  ])('answers the slug of %s with 409 naming slug, storing nothing', async (_, slug) => {
    const id = `qa-7-${counter + 1}`;
    const response = await put(id, article({ section: 'business', slug: slug() }));
    expect(response.status).toBe(409);
    const body = (await response.json()) as ErrorAnswer;
    expect(body.error.code).toBe('conflict');
    expect(Object.keys(body.fields)).toEqual(['slug']);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect((await stored(id)).status).toBe(404);
  });

  let draftSlug = '';
  beforeAll(async () => {
    const draft = article({ status: 'draft' });
    draftSlug = draft.slug;
    expect((await put(`qa-draft-${Date.now()}`, draft)).status).toBe(201);
  });

  it('answers a rename onto another article’s slug with 409 and keeps the article as it was', async () => {
    const id = `qa-rename-${Date.now()}`;
    const first = article();
    await put(id, first);
    const response = await put(id, { ...first, slug: fixtures.freshEn.slug, headline: 'Not stored' });
    expect(response.status).toBe(409);
    expect((await stored(id).then((r) => r.json())) as Record<string, unknown>).toMatchObject({ slug: first.slug, headline: first.headline });
  });

  it('lets the other language use the slug, and an article take a slug another one left behind', async () => {
    expect((await put(`qa-zh-same-slug-${Date.now()}`, article({ locale: 'zh', slug: fixtures.freshEn.slug }))).status).toBe(201);
    // Decision: an old slug is not reserved. The redirect it was ends; the address serves the new article.
    const renamed = article();
    const renamedId = `qa-renamed-${Date.now()}`;
    await put(renamedId, renamed);
    await put(renamedId, { ...renamed, slug: `${renamed.slug}-new` });
    expect((await get(`/en/news/${renamed.slug}`)).status).toBe(308);
    const taker = await put(`qa-old-slug-${Date.now()}`, article({ section: 'culture', slug: renamed.slug, headline: 'The new owner of an old slug' }));
    expect(taker.status).toBe(201);
    const { url } = (await taker.json()) as SavedAnswer;
    expect(url).toBe(`/en/culture/${renamed.slug}`);
    expect(await (await get(url)).text()).toContain('The new owner of an old slug');
    // The old address in its old channel leads to the new owner too, never to a loop.
    const old = await get(`/en/news/${renamed.slug}`);
    expect(old.status).toBe(308);
    expect(new URL(old.headers.get('location')!, baseUrl()).pathname).toBe(url);
    // The renamed article stays at its new slug.
    expect((await get(`/en/news/${renamed.slug}-new`)).status).toBe(200);
  });
});

describe('translations', () => {
  const stamp = Date.now();
  const en = `tr-en-${stamp}`;
  const zh1 = `tr-zh1-${stamp}`;
  const zh2 = `tr-zh2-${stamp}`;
  const pageOf = async (id: string) => ((await (await stored(id)).json()) as { url: string }).url;
  const alternates = async (url: string) => {
    const document = new JSDOM(await (await get(url)).text()).window.document;
    return Object.fromEntries(
      [...document.querySelectorAll('link[rel="alternate"][hreflang]')]
        .filter((link) => link.getAttribute('hreflang') !== 'x-default')
        .map((link) => [link.getAttribute('hreflang')!, new URL(link.getAttribute('href')!).pathname]),
    );
  };

  beforeAll(async () => {
    expect((await put(en, article({ slug: en }))).status).toBe(201);
    expect((await put(zh1, article({ locale: 'zh', slug: zh1, translationOf: en }))).status).toBe(201);
  });

  it.each([
    ['the same language', () => article({ translationOf: en }), 'same language'],
    ['itself', () => article({ translationOf: 'tr-self' }), 'own translation'],
  ])('refuses a translation of %s with 422 (before issue 14: 201)', async (_, body, reason) => {
    const id = _ === 'itself' ? 'tr-self' : `tr-same-${stamp}`;
    const response = await put(id, body());
    expect(response.status).toBe(422);
    expect(((await response.json()) as ErrorAnswer).fields.translationOf).toContain(reason);
    expect((await stored(id)).status).toBe(404);
  });

  it('refuses a second version of a language with 409, then pairs it when told to replace the pair', async () => {
    // Before issue 14: 201, and the English page went on announcing the first Chinese version only.
    const second = article({ locale: 'zh', slug: zh2, translationOf: en });
    const refused = await put(zh2, second);
    expect(refused.status).toBe(409);
    const body = (await refused.json()) as ErrorAnswer;
    expect(body.error.code).toBe('conflict');
    expect(body.fields.translationOf).toContain(zh1);
    expect((await stored(zh2)).status).toBe(404);

    expect((await alternates(await pageOf(en))).zh).toBe(await pageOf(zh1));
    expect((await put(zh2, { ...second, replaceTranslation: true })).status).toBe(201);
    // All three pages follow at once: en ↔ zh2, and zh1 is a story of its own.
    expect(await alternates(await pageOf(en))).toEqual({ en: await pageOf(en), zh: await pageOf(zh2) });
    expect(await alternates(await pageOf(zh2))).toEqual({ en: await pageOf(en), zh: await pageOf(zh2) });
    expect(await alternates(await pageOf(zh1))).toEqual({ zh: await pageOf(zh1) });
    expect(((await (await stored(zh1)).json()) as Record<string, unknown>).translationOf).toBeUndefined();
  });

  it('accepts a translation whose original comes later, and pairs them when it does', async () => {
    const later = `tr-later-${stamp}`;
    const early = `tr-early-${stamp}`;
    expect((await put(early, article({ locale: 'zh', slug: early, translationOf: later }))).status).toBe(201);
    expect((await put(later, article({ slug: later }))).status).toBe(201);
    expect((await alternates(await pageOf(later))).zh).toBe(await pageOf(early));
    expect((await alternates(await pageOf(early))).en).toBe(await pageOf(later));
  });

  it('announces every pair of the sitemaps in both pages, and no other pair anywhere', async () => {
    const xml = async (url: string) => new JSDOM(await (await get(new URL(url).pathname)).text(), { contentType: 'text/xml' }).window.document;
    const index = await xml(`${baseUrl()}/sitemap.xml`);
    const files = [...index.getElementsByTagName('loc')].map((loc) => loc.textContent!).filter((loc) => /\/sitemaps\/\w+\/articles-\d+\.xml$/.test(loc));
    expect(files.length).toBeGreaterThanOrEqual(2);
    // page path → its alternates (language → path) as the sitemaps say
    const listed = new Map<string, Record<string, string>>();
    for (const file of files) {
      for (const entry of [...(await xml(file)).getElementsByTagName('url')]) {
        const loc = new URL(entry.getElementsByTagName('loc')[0]!.textContent!).pathname;
        const links = [...entry.getElementsByTagName('xhtml:link')].filter((link) => link.getAttribute('hreflang') !== 'x-default');
        listed.set(loc, Object.fromEntries(links.map((link) => [link.getAttribute('hreflang')!, new URL(link.getAttribute('href')!).pathname])));
      }
    }
    expect(listed.get(await pageOf(en))).toEqual({ en: await pageOf(en), zh: await pageOf(zh2) });
    const problems: string[] = [];
    const pages = [...listed.keys()];
    for (let i = 0; i < pages.length; i += 4) {
      await Promise.all(
        pages.slice(i, i + 4).map(async (page) => {
          const inSitemap = listed.get(page)!;
          const inHead = await alternates(page);
          for (const [language, other] of Object.entries(inSitemap)) {
            if (other === page) continue;
            if (listed.get(other)?.[page.split('/')[1]!] !== page) problems.push(`sitemap: ${other} does not list ${page} back`);
            if (inHead[language] !== other) problems.push(`${page} does not announce ${other} in its head`);
          }
          // A page the sitemaps list alone announces no other language either.
          const headOthers = Object.values(inHead).filter((other) => other !== page);
          const sitemapOthers = Object.values(inSitemap).filter((other) => other !== page);
          if (headOthers.join() !== sitemapOthers.join()) problems.push(`${page}: head ${headOthers.join()} but sitemap ${sitemapOthers.join()}`);
        }),
      );
    }
    expect(problems).toEqual([]);
  }, 240_000);
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
