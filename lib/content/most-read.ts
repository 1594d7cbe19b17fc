import { z } from 'zod';
import { getDatabase } from '../db/database';
import { recordArticleView, selectMostRead } from '../db/views';
import type { Locale } from '../i18n/locales';
import { shanghaiDay } from '../time';
import type { ArticleSummary } from './types';

export const MOST_READ_DAYS = 7;

/** The body of POST /api/views: the article a reader with statistics consent opened. */
export const viewBodySchema = z.object({ id: z.number().int().positive() });

/** Counts one view; false when the id is not a readable article. */
export async function recordView(articleId: number, now = Date.now()): Promise<boolean> {
  if (!Number.isSafeInteger(articleId) || articleId < 1) return false;
  return recordArticleView(await getDatabase(), { articleId, day: shanghaiDay(now), now });
}

/** The most-read articles of the last seven days (today included), in a locale or one channel. */
export async function listMostRead(
  locale: Locale,
  options: { channel?: string; limit?: number; now?: number } = {},
): Promise<ArticleSummary[]> {
  const now = options.now ?? Date.now();
  return selectMostRead(await getDatabase(), {
    locale,
    channel: options.channel ?? null,
    fromDay: shanghaiDay(now) - (MOST_READ_DAYS - 1),
    now,
    limit: options.limit ?? 5,
  });
}
