import { markdownToHtml, parseArticleFile } from '@/lib/content/markdown';
import { withResponsiveImages } from '@/lib/content/body';

describe('markdownToHtml', () => {
  it('turns a titled image on its own line into a figure with caption and size', () => {
    const html = markdownToHtml(
      'Intro.\n\n![Cranes at dusk](/images/demo/x.jpg "Cranes load containers. (Photo / Zhang Hao)")\n\n## Subhead\n',
      (src) => (src === '/images/demo/x.jpg' ? { width: 1200, height: 800 } : null),
    );
    expect(html).toContain(
      '<figure><img src="/images/demo/x.jpg" alt="Cranes at dusk" width="1200" height="800" loading="lazy" decoding="async"><figcaption>Cranes load containers. (Photo / Zhang Hao)</figcaption></figure>',
    );
    expect(html).toContain('<h2>Subhead</h2>');
  });

  it('shows raw HTML as text instead of passing it through', () => {
    const html = markdownToHtml('Hello <script>alert(1)</script>\n\n<img src=x onerror=alert(1)>');
    expect(html).not.toMatch(/<script|<img src=x/);
    expect(html).toContain('&lt;script&gt;');
  });

  it('escapes captions and alt text', () => {
    const html = markdownToHtml('![a "b" <c>](/images/demo/y.jpg "x <b>y</b> & z")');
    expect(html).toContain('alt="a &quot;b&quot; &lt;c&gt;"');
    expect(html).toContain('<figcaption>x &lt;b&gt;y&lt;/b&gt; &amp; z</figcaption>');
  });
});

describe('parseArticleFile', () => {
  const file = (front: string) => `---\n${front}\n---\n\nBody text.\n`;
  const base = `id: t-1
locale: en
section: news
slug: a-story
headline: "A story"
summary: "What happened"
authors:
  - name: Li Wen
publishedAt: 2026-11-18T09:30:00+08:00
image:
  src: /images/demo/t-1-lead.jpg
  alt: "A street"
  caption: "A street. (Photo / Li Wen)"
  credit: Li Wen
tags: [city, transport]`;

  it('keeps the time zone offset of unquoted timestamps', () => {
    const article = parseArticleFile('a.md', file(base), () => ({ width: 1600, height: 900 }));
    expect(article.publishedAt).toBe('2026-11-18T09:30:00+08:00');
    expect(article.image).toEqual(expect.objectContaining({ width: 1600, height: 900, credit: 'Li Wen' }));
    expect(article.bodyHtml).toBe('<p>Body text.</p>');
    expect(article.status).toBe('published');
  });

  it('names the file and the field when the front matter is wrong', () => {
    expect(() => parseArticleFile('bad.md', file(base.replace('slug: a-story', 'slug: Not A Slug')), () => null)).toThrow(
      /bad\.md: slug/,
    );
    expect(() => parseArticleFile('bad.md', file(base.replace('locale: en', 'locale: fr')), () => null)).toThrow(/locale/);
    expect(() => parseArticleFile('bad.md', file(base.replace('section: news', 'section: page')), () => null)).toThrow(
      /reserved/,
    );
  });
});

describe('withResponsiveImages', () => {
  it('offers the optimizer widths up to the picture width', () => {
    const html = withResponsiveImages('<figure><img src="/images/demo/x.jpg" alt="" width="828" height="552"></figure>');
    expect(html).toContain('srcset="/_next/image?url=%2Fimages%2Fdemo%2Fx.jpg&w=390&q=75 390w, ');
    expect(html).toContain('828w"');
    expect(html).not.toContain('1200w');
    expect(html).toContain('sizes="');
  });

  it('leaves pictures from elsewhere alone', () => {
    const html = '<img src="https://example.org/x.jpg" alt="">';
    expect(withResponsiveImages(html)).toBe(html);
  });
});
