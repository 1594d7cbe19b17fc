import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { Db } from '../db/connection';
import { selectArticleByExternalId } from '../db/content-read';
import { upsertAuthor, upsertChannel } from '../db/content-write';
import { selectAllArticleIds, selectAllAuthorRecords, selectAllChannelRecords } from '../db/transfer';
import { articleAsInput } from './article-output';
import { saveArticle } from './article-write';
import { readArticleFiles } from './files';

/*
 * Content in and out as files: the format of docs/content-format.md (front matter and a body)
 * plus channels.json and authors.json. Export writes bodies as HTML (`bodyFormat: html`), so
 * export → import gives back the same articles.
 */

export async function importContent(db: Db, dir: string, publicDir: string): Promise<number> {
  const channels = path.join(dir, 'channels.json');
  const authors = path.join(dir, 'authors.json');
  const articles = await readArticleFiles(dir, publicDir);
  db.transaction(() => {
    if (fs.existsSync(channels)) {
      const list = JSON.parse(fs.readFileSync(channels, 'utf8')) as (Parameters<typeof upsertChannel>[1] & { order?: number })[];
      for (const channel of list) upsertChannel(db, { ...channel, position: channel.order ?? channel.position });
    }
    if (fs.existsSync(authors)) {
      for (const author of JSON.parse(fs.readFileSync(authors, 'utf8')) as Parameters<typeof upsertAuthor>[1][]) {
        upsertAuthor(db, author);
      }
    }
    for (const article of articles) saveArticle(db, article);
  })();
  return articles.length;
}

export function exportContent(db: Db, dir: string): number {
  fs.mkdirSync(dir, { recursive: true });
  const channels = selectAllChannelRecords(db).map(({ position, ...rest }) => ({ ...rest, order: position }));
  fs.writeFileSync(path.join(dir, 'channels.json'), `${JSON.stringify(channels, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, 'authors.json'), `${JSON.stringify(selectAllAuthorRecords(db), null, 2)}\n`);
  let count = 0;
  for (const id of selectAllArticleIds(db)) {
    const article = selectArticleByExternalId(db, id)!;
    const { bodyHtml, ...fields } = articleAsInput(article);
    const front = {
      ...fields,
      bodyFormat: 'html',
    };
    const file = path.join(dir, article.locale, article.channel, `${article.slug}.md`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `---\n${YAML.stringify(front, { lineWidth: 0 })}---\n\n${bodyHtml}\n`);
    count += 1;
  }
  return count;
}
