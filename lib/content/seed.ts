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

// The synthetic articles' vocabulary. Each body draws on a few topic words of these lists plus
// common ones, so a search for one word finds a realistic share of the archive (a few per cent),
// as in a real city paper, rather than every article or none (issue 16's benchmark).
const WORDS = `river bridge market district metro harbour station tunnel ferry hill street museum garden
  school clinic library factory workshop cable orchard tea noodle pepper festival volunteer engineer
  teacher driver researcher neighbour season weekend project service route schedule survey budget
  design trial opening airport railway highway stadium theatre gallery bookshop hospital kindergarten
  university campus laboratory warehouse dock pier lantern temple pagoda courtyard alley stairway
  terrace balcony rooftop elevator escalator cableway monorail tram bus taxi bicycle scooter parking
  pavement crossing flyover underpass wetland forest mountain valley gorge waterfall island beach
  spring summer autumn winter rain fog snow heatwave flood drought harvest chilli hotpot dumpling
  porridge bakery cafe teahouse restaurant banquet concert opera exhibition lecture seminar
  election pension insurance mortgage startup robot battery vehicle charger solar turbine`
  .split(/\s+/)
  .filter(Boolean);
/** Words every synthetic article uses, in any topic. */
const COMMON = `city residents people the of and in on with a to for new this year said plan line`.split(' ');
const ZH_WORDS = `江边 大桥 市场 街道 地铁 线路 码头 车站 隧道 轮渡 山坡 博物馆 花园 学校 诊所 图书馆 工厂 茶馆
  小面 花椒 节日 志愿者 工程师 老师 司机 研究员 邻居 季节 清晨 傍晚 周末 项目 时刻表 数据 报告 调查
  预算 设计 试点 机场 铁路 高速 体育场 剧院 画廊 书店 医院 幼儿园 大学 校园 实验室 仓库 灯笼 寺庙
  院子 小巷 梯坎 阳台 屋顶 电梯 扶梯 索道 单轨 公交 出租车 自行车 停车场 人行道 立交桥 湿地 森林
  峡谷 瀑布 小岛 春天 夏天 秋天 冬天 雨季 大雾 高温 洪水 丰收 辣椒 火锅 抄手 稀饭 面包 咖啡 餐厅
  音乐会 展览 讲座 选举 养老金 保险 房贷 创业 机器人 电池 汽车 充电桩 光伏 风电`
  .split(/\s+/)
  .filter(Boolean);
const ZH_COMMON = '城市 居民 市民 今年 表示 计划 服务 开放 重庆'.split(' ');

/** Eight topic words of a list for a number: the same number, the same topic. */
function topicWords(words: readonly string[], index: number): string[] {
  return Array.from({ length: 8 }, (_, k) => words[(index * 37 + k * 11) % words.length]!);
}

function syntheticBody(index: number, locale: 'en' | 'zh'): string {
  const topic = topicWords(locale === 'en' ? WORDS : ZH_WORDS, index);
  const common = locale === 'en' ? COMMON : ZH_COMMON;
  const sep = locale === 'en' ? ' ' : '';
  const sentence = (n: number) => {
    const picked = Array.from({ length: 10 + (n % 7) }, (_, i) =>
      i % 3 === 0 ? topic[(n + i) % topic.length]! : common[(n * 7 + i * 13) % common.length]!,
    );
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

/** A synthetic headline: two words of the vocabulary that vary with the number, so headlines differ too. */
function syntheticHeadline(n: number, locale: 'en' | 'zh', channel: string): string {
  const words = locale === 'en' ? WORDS : ZH_WORDS;
  const [first, second] = [words[(n * 7) % words.length]!, words[(n * 13 + 5) % words.length]!];
  return locale === 'en'
    ? `${first.charAt(0).toUpperCase()}${first.slice(1)} and ${second}: synthetic report ${n} on the ${channel} desk`
    : `${first}与${second}：合成测试稿件 ${n}（${channel}）`;
}

/** Distinct bodies per language: enough that topics spread over the archive. */
const BODY_VARIANTS = 64;

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
    en: Array.from({ length: BODY_VARIANTS }, (_, i) => syntheticBody(i, 'en')),
    zh: Array.from({ length: BODY_VARIANTS }, (_, i) => syntheticBody(i, 'zh')),
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
        headline: syntheticHeadline(n, locale, channel),
        summary:
          locale === 'en'
            ? `Generated article ${n} for scale testing of the ${channel} channel.`
            : `用于规模测试的第 ${n} 篇自动生成稿件。`,
        bodyHtml: bodies[locale][n % BODY_VARIANTS]!,
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
