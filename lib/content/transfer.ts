import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { Database } from '../db/database';
import { writeTransaction } from '../db/engine';
import { recordChange } from '../ingest/changes';
import { selectArticleByExternalId } from '../db/content-read';
import { upsertAuthor, upsertChannel } from '../db/content-write';
import { selectAllArticleIds, selectAllAuthorRecords, selectAllChannelRecords } from '../db/transfer';
import { articleAsInput } from './article-output';
import { readAuthorsFile, readChannelsFile } from './catalog-files';
import { saveArticle } from './article-write';
import { readArticleFiles } from './files';

/*
 * Content in and out as files: the format of docs/content-format.md (front matter and a body)
 * plus channels.json and authors.json. Export writes bodies as HTML (`bodyFormat: html`), so
 * export → import gives back the same articles.
 */

export async function importContent(db: Database, dir: string, publicDir: string): Promise<number> {
  const channels = path.join(dir, 'channels.json');
  const authors = path.join(dir, 'authors.json');
  // Both files are checked before the pictures are drawn and anything is written.
  const channelList = fs.existsSync(channels) ? readChannelsFile(channels) : [];
  const authorList = fs.existsSync(authors) ? readAuthorsFile(authors) : [];
  const articles = await readArticleFiles(dir, publicDir);
  // All or nothing: a conflict in the tenth file leaves the database as it was.
  await writeTransaction(db, 'articles', async (trx) => {
    for (const channel of channelList) await upsertChannel(trx, channel);
    for (const author of authorList) await upsertAuthor(trx, author);
    for (const article of articles) await saveArticle(trx, article);
    // Running servers (every instance) refresh everything they cache within a second or two.
    await recordChange(trx, { kind: 'everything' });
  });
  return articles.length;
}

export async function exportContent(db: Database, dir: string): Promise<number> {
  fs.mkdirSync(dir, { recursive: true });
  const channels = (await selectAllChannelRecords(db)).map(({ position, ...rest }) => ({ ...rest, order: position }));
  fs.writeFileSync(path.join(dir, 'channels.json'), `${JSON.stringify(channels, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, 'authors.json'), `${JSON.stringify(await selectAllAuthorRecords(db), null, 2)}\n`);
  let count = 0;
  for (const id of await selectAllArticleIds(db)) {
    const article = (await selectArticleByExternalId(db, id))!;
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
