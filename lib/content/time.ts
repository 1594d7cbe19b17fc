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

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * An instant as RSS 2.0 wants it (RFC 822, four-digit year) in the site's time zone,
 * e.g. Wed, 25 Nov 2026 18:30:00 +0800. English names by definition, whatever the locale.
 */
export function toShanghaiRfc822(instant: number | string | Date): string {
  const ms = typeof instant === 'number' ? instant : new Date(instant).getTime();
  const local = new Date(ms + SHANGHAI_OFFSET_MS);
  const two = (n: number) => String(n).padStart(2, '0');
  const day = DAYS[local.getUTCDay()];
  const month = MONTHS[local.getUTCMonth()];
  const time = `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())}`;
  return `${day}, ${two(local.getUTCDate())} ${month} ${local.getUTCFullYear()} ${time} +0800`;
}
