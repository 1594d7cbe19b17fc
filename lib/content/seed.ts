import path from 'node:path';
import type { Database } from '../db/database';
import { writeTransaction } from '../db/engine';
import { selectChannelSlugs } from '../db/content-write';
import { selectLastSyntheticNumber, selectOldestRealPublishedMs } from '../db/synthetic';
import { ensurePlaceholderImages } from '../media/placeholder';
import type { ArticleInput } from './article-input';
import { saveArticle } from './article-write';
import { toShanghaiIso } from '../time';
import { importContent } from './transfer';

/* The demo content (`npm run seed`, `npm start` on an empty database) and synthetic articles for scale work. */

export interface SeedPaths {
  /** content/demo: channels.json, authors.json, en/ and zh/ article files */
  contentDir: string;
  /** public/: demo pictures are drawn into public/images/demo */
  publicDir: string;
}

export function defaultSeedPaths(root = process.cwd()): SeedPaths {
  return { contentDir: path.join(root, 'content', 'demo'), publicDir: path.join(root, 'public') };
}

/**
 * Loads (or reloads) the demo channels, authors and articles: content/demo is an import folder
 * like any other (`npm run content -- import`). Idempotent.
 */
export function loadDemoContent(db: Database, paths: SeedPaths): Promise<number> {
  return importContent(db, paths.contentDir, paths.publicDir);
}

const WORDS = `city river bridge market district metro line harbour station tunnel ferry hill street
  museum garden school clinic library factory workshop cable car orchard tea noodle pepper festival
  volunteer engineer teacher driver researcher resident visitor neighbour season morning evening
  weekend plan project service route schedule figure report survey budget design trial opening`
  .split(/\s+/)
  .filter(Boolean);
const ZH_WORDS = '城市 江边 大桥 市场 街道 地铁 线路 码头 车站 隧道 轮渡 山坡 博物馆 花园 学校 诊所 图书馆 工厂 茶馆 小面 花椒 节日 志愿者 工程师 老师 司机 研究员 居民 游客 邻居 季节 清晨 傍晚 周末 计划 项目 服务 时刻表 数据 报告 调查 预算 设计 试点 开放'.split(
  ' ',
);

function syntheticBody(index: number, locale: 'en' | 'zh'): string {
  const words = locale === 'en' ? WORDS : ZH_WORDS;
  const sep = locale === 'en' ? ' ' : '';
  const sentence = (n: number) => {
    const picked = Array.from({ length: 10 + (n % 7) }, (_, i) => words[(n * 7 + i * 13) % words.length]!);
    const text = picked.join(sep);
    return locale === 'en' ? `${text.charAt(0).toUpperCase()}${text.slice(1)}.` : `${text}。`;
  };
  const paragraphs: string[] = [];
  for (let p = 0; p < 8; p++) {
    if (p === 3) paragraphs.push(`<h2>${locale === 'en' ? 'Section' : '小节'} ${p}</h2>`);
    paragraphs.push(`<p>${Array.from({ length: 4 }, (_, s) => sentence(index + p * 4 + s)).join(' ')}</p>`);
  }
  return paragraphs.join('\n');
}

/**
 * Adds `count` synthetic articles for scale work (benchmarks, query plans), spread over the
 * channels and both languages, one every ten minutes going back from the oldest demo article.
 * Every third article is the Chinese version of the one before it.
 */
export async function addSyntheticArticles(db: Database, count: number, publicDir: string): Promise<number> {
  const channels = (await selectChannelSlugs(db));
  if (channels.length === 0) throw new Error('No channels: load the demo content first.');
  const images = Array.from({ length: 12 }, (_, i) => `/images/demo/synthetic-${i + 1}-lead.jpg`);
  await ensurePlaceholderImages(publicDir, images);
  const start = await selectLastSyntheticNumber(db);
  const oldest = (await selectOldestRealPublishedMs(db)) ?? Date.parse('2026-09-01T00:00:00+08:00');
  const bodies = {
    en: Array.from({ length: 16 }, (_, i) => syntheticBody(i, 'en')),
    zh: Array.from({ length: 16 }, (_, i) => syntheticBody(i, 'zh')),
  };
  const insertBatch = (from: number, to: number) =>
    writeTransaction(db, 'articles', async (trx) => {
    for (let n = from; n < to; n++) {
      const isTranslation = n % 3 === 2;
      const locale = isTranslation ? 'zh' : 'en';
      const base = isTranslation ? n - 1 : n;
      const channel = channels[base % channels.length]!;
      const published = (oldest - (base + 1) * 600_000 + (isTranslation ? 3_600_000 : 0));
      const input: ArticleInput = {
        id: `synthetic-${n}`,
        locale,
        section: channel,
        slug: `synthetic-${n}`,
        headline:
          locale === 'en' ? `Synthetic report ${n} on the ${channel} desk` : `合成测试稿件 ${n}（${channel}）`,
        summary:
          locale === 'en'
            ? `Generated article ${n} for scale testing of the ${channel} channel.`
            : `用于规模测试的第 ${n} 篇自动生成稿件。`,
        bodyHtml: bodies[locale][n % 16]!,
        authors: [{ name: locale === 'en' ? 'Li Wen' : '李雯' }],
        publishedAt: toShanghaiIso(published),
        image: { src: images[n % images.length]!, alt: '', caption: '', credit: '', width: 1600, height: 900 },
        tags: [],
        translationOf: isTranslation ? `synthetic-${n - 1}` : undefined,
        status: 'published',
      };
      await saveArticle(trx, input);
    }
  });
  const first = start + 1;
  for (let from = first; from < first + count; from += 2000) {
    await insertBatch(from, Math.min(from + 2000, first + count));
  }
  return count;
}
