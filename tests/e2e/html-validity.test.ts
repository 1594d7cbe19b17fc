import { fixtures } from './fixtures';
import { htmlErrors } from './vnu';

/*
 * The Nu HTML Checker (vnu.jar, from the vnu-jar package; needs Java) on the server-rendered
 * HTML of every page type in both languages. Errors fail the test; warnings do not.
 */

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

it('finds no HTML errors on home, channel, article, author, 404 and 410 pages in both languages', async () => {
  expect(await htmlErrors(pages, [200, 404, 410])).toEqual([]);
});
