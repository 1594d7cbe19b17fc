import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readAuthorsFile, readChannelsFile } from '@/lib/content/catalog-files';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-catalog-'));
const write = (name: string, data: unknown) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof data === 'string' ? data : JSON.stringify(data));
  return file;
};
const channel = (slug: string) => ({
  slug,
  order: 1,
  name: { en: 'About', zh: '关于' },
  description: { en: 'A channel.', zh: '一个频道。' },
});

describe('channels.json', () => {
  it('reads the demo channels with their positions', () => {
    const channels = readChannelsFile(path.join(process.cwd(), 'content/demo/channels.json'));
    expect(channels.map((c) => c.slug)).toContain('news');
    expect(channels[0]).toMatchObject({ slug: 'news', position: 1, name: { en: 'News', zh: '新闻' } });
  });

  it.each(['about', 'contact', 'privacy', 'terms', 'cookies', 'authors', 'missing', 'page', 'search'])(
    'refuses a channel named %s, which an address of the site already takes',
    (slug) => {
      const file = write(`${slug}.json`, [channel(slug)]);
      expect(() => readChannelsFile(file)).toThrow(new RegExp(`${slug}\\.json: 0\\.slug: reserved word`));
    },
  );

  it('refuses slugs that are not addresses, missing fields and broken JSON, naming the file', () => {
    expect(() => readChannelsFile(write('upper.json', [channel('News')]))).toThrow(/upper\.json: 0\.slug/);
    expect(() => readChannelsFile(write('noname.json', [{ slug: 'x', order: 1 }]))).toThrow(/noname\.json: 0\.name/);
    expect(() => readChannelsFile(write('broken.json', '[{'))).toThrow(/broken\.json: not readable JSON/);
    expect(() => readChannelsFile(write('object.json', { slug: 'x' }))).toThrow(/object\.json: \(file\)/);
  });

  it('accepts `position` from older exports in place of `order`', () => {
    const { order: _order, ...rest } = channel('metro');
    expect(readChannelsFile(write('position.json', [{ ...rest, position: 4 }]))[0]!.position).toBe(4);
  });
});

describe('authors.json', () => {
  it('reads the demo authors and refuses a slug that is not an address', () => {
    expect(readAuthorsFile(path.join(process.cwd(), 'content/demo/authors.json')).length).toBeGreaterThan(3);
    const bad = write('authors.json', [{ slug: 'Li Wen', name: { en: 'Li Wen', zh: '李雯' }, bio: { en: '', zh: '' } }]);
    expect(() => readAuthorsFile(bad)).toThrow(/authors\.json: 0\.slug/);
  });
});
