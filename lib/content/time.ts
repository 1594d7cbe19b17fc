const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * An instant as ISO 8601 in the site's time zone (Asia/Shanghai has no daylight saving,
 * so the offset is always +08:00), e.g. 2026-11-18T09:30:00+08:00.
 */
export function toShanghaiIso(instant: number | string | Date): string {
  const ms = typeof instant === 'number' ? instant : new Date(instant).getTime();
  const local = new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19);
  return `${local}+08:00`;
}
