import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixtures } from './fixtures';
import { get } from './server';

/*
 * The Nu HTML Checker (vnu.jar, from the vnu-jar package; needs Java) on the server-rendered
 * HTML of every page type in both languages. Errors fail the test; warnings do not.
 */

const vnuJar = require.resolve('vnu-jar/build/dist/vnu.jar');

const pages = [
  '/en',
  '/zh',
  '/en/business',
  '/zh/business',
  '/en/business?page=2',
  '/en/business/old-warehouse-reopens-for-small-brands',
  `/zh/${fixtures.freshZh.section}/${fixtures.freshZh.slug}`,
  `/en/${fixtures.hostile.section}/${fixtures.hostile.slug}`,
  '/en/authors/li-wen',
  '/zh/authors/li-wen',
  '/en/no-such-page',
  '/zh/no-such-page',
  `/en/${fixtures.withdrawn.section}/${fixtures.withdrawn.slug}`,
  '/en/about',
  '/zh/contact',
  '/en/privacy',
  '/zh/terms',
];

interface VnuMessage {
  type: string;
  subType?: string;
  url: string;
  message: string;
  extract?: string;
}

it('finds no HTML errors on home, channel, article, author, 404 and 410 pages in both languages', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-vnu-'));
  const files = new Map<string, string>();
  for (const [index, page] of pages.entries()) {
    const response = await get(page);
    expect([200, 404, 410]).toContain(response.status);
    const file = path.join(dir, `page-${index}.html`);
    fs.writeFileSync(file, await response.text());
    files.set(`file:${file}`, page);
  }
  const result = spawnSync('java', ['-jar', vnuJar, '--errors-only', '--format', 'json', '--exit-zero-always', ...files.keys()].map(
    (arg) => arg.replace(/^file:/, ''),
  ), { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  expect(result.error).toBeUndefined();
  const report = JSON.parse(result.stderr || result.stdout) as { messages: VnuMessage[] };
  const errors = report.messages
    .filter((m) => m.type === 'error' || m.subType === 'fatal')
    .map((m) => ({ page: files.get(m.url) ?? m.url, message: m.message, extract: m.extract }));
  expect(errors).toEqual([]);
  fs.rmSync(dir, { recursive: true, force: true });
});
