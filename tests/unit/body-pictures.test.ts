import { parseArticleFile } from '@/lib/content/markdown';
import { pictureSourceProblem } from '@/lib/ingest/pictures';
import { cleanBodyHtml } from '@/lib/ingest/sanitize';

/*
 * Pictures inside an article body follow the lead picture's rule (issue 14): the site's own
 * paths, or https on a host in IMAGE_REMOTE_HOSTS. Anything else would make a reader's browser
 * call a host the site never chose.
 */

const HOSTS = ['images.example.com'];

describe('body pictures', () => {
  it.each([
    ['/images/demo/a.jpg', true],
    ['https://images.example.com/a.jpg', true],
    ['https://IMAGES.example.com/a.jpg', true],
    ['https://img.example.invalid/t.gif', false],
    ['https://images.example.com.evil.example/t.gif', false],
    ['https://user@images.example.com/t.gif', false],
    ['https://images.example.com:8443/t.gif', false],
    ['http://images.example.com/t.gif', false],
    ['//img.example.invalid/t.gif', false],
    // A browser reads these as another host: a backslash is a slash, tabs and newlines vanish.
    ['/\\img.example.invalid/t.gif', false],
    ['/&#9;/img.example.invalid/t.gif', false],
    ['/&#10;/img.example.invalid/t.gif', false],
    ['data:image/gif;base64,R0lGODlhAQABAAAAACw=', false],
    ['javascript:alert(1)', false],
    ['t.gif', false],
  ])('%s is kept: %s', (src, kept) => {
    const { html, removedPictures } = cleanBodyHtml(`<p>text</p><img src="${src}" alt="a">`, HOSTS);
    expect(html.includes('<img')).toBe(kept);
    expect(removedPictures).toHaveLength(kept ? 0 : 1);
  });

  it('reports each removed picture by its address and keeps the rest of the body', () => {
    const { html, removedPictures } = cleanBodyHtml(
      '<p>a</p><img src="https://img.example.invalid/t.gif"><figure><img src="https://images.example.com/b.jpg" alt="b"><figcaption>c</figcaption></figure>',
      HOSTS,
    );
    expect(removedPictures).toEqual(['https://img.example.invalid/t.gif']);
    expect(html).toBe('<p>a</p><figure><img src="https://images.example.com/b.jpg" alt="b" /><figcaption>c</figcaption></figure>');
  });

  it('drops srcset, whose addresses would escape the rule', () => {
    expect(cleanBodyHtml('<img src="/images/a.jpg" srcset="https://img.example.invalid/t.gif 1x">', HOSTS).html).toBe('<img src="/images/a.jpg" />');
  });

  it('is the rule of lead pictures too', () => {
    expect(pictureSourceProblem('https://img.example.invalid/t.gif', HOSTS)).toContain('not allowed');
    expect(pictureSourceProblem('https://images.example.com/a.jpg', HOSTS)).toBeNull();
  });
});

describe('content files (npm run content -- import)', () => {
  const file = (front: string, body: string) => `---\n${front}\n---\n\n${body}\n`;
  const front = [
    'id: pic-1',
    'locale: en',
    'section: news',
    'slug: pic-one',
    'headline: Pictures',
    'summary: About pictures.',
    'publishedAt: "2026-11-01T09:00:00+08:00"',
  ].join('\n');

  it('removes a Markdown body picture from a host the site did not choose, in both body formats', () => {
    const markdown = parseArticleFile('a.md', file(front, 'Text.\n\n![pixel](https://img.example.invalid/t.gif)'), () => null);
    expect(markdown.bodyHtml).not.toContain('img.example.invalid');
    const html = parseArticleFile('b.md', file(`${front}\nbodyFormat: html`, '<p>Text.</p><img src="https://img.example.invalid/t.gif">'), () => null);
    expect(html.bodyHtml).toBe('<p>Text.</p>');
  });

  it('refuses a lead picture from such a host, and a translation of itself', () => {
    expect(() =>
      parseArticleFile('c.md', file(`${front}\nimage:\n  src: https://img.example.invalid/lead.jpg\n  width: 10\n  height: 10`, 'Text.'), () => null),
    ).toThrow(/image\.src: pictures from img\.example\.invalid are not allowed/);
    expect(() => parseArticleFile('d.md', file(`${front}\ntranslationOf: pic-1`, 'Text.'), () => null)).toThrow(/own translation/);
  });
});
