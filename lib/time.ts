/**
 * The site's time zone, defined once. The newsroom is in Chongqing: every date on the site is
 * shown in Asia/Shanghai time, on the server and in the browser, and every calendar day the
 * code counts (most-read days, message references) is a Shanghai day.
 *
 * Asia/Shanghai has had no daylight saving since 1991, so its offset is always +08:00 and the
 * helpers below shift by a constant instead of asking Intl (which is slower, and is only needed
 * for locale-dependent formatting: lib/i18n/format.ts passes SITE_TIME_ZONE to it).
 *
 * No imports: lib/i18n/format.ts uses this in the browser too.
 */
export const SITE_TIME_ZONE = 'Asia/Shanghai';

/** The zone's offset from UTC, as ISO 8601 writes it and in milliseconds. */
export const SITE_UTC_OFFSET = '+08:00';
const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** A Date whose UTC fields read as the Shanghai wall clock at `instant`. */
function wallClock(instant: number | string | Date): Date {
  const ms = typeof instant === 'number' ? instant : new Date(instant).getTime();
  return new Date(ms + OFFSET_MS);
}

/** An instant as ISO 8601 in the site's time zone, e.g. 2026-11-18T09:30:00+08:00. */
export function toShanghaiIso(instant: number | string | Date): string {
  return `${wallClock(instant).toISOString().slice(0, 19)}${SITE_UTC_OFFSET}`;
}

/** The Shanghai calendar date of an instant, 'YYYY-MM-DD'. */
export function shanghaiDate(instant: number | string | Date): string {
  return wallClock(instant).toISOString().slice(0, 10);
}

/** The Shanghai calendar day of an instant, as whole days since 1970-01-01 (for counting by day). */
export function shanghaiDay(ms: number): number {
  return Math.floor((ms + OFFSET_MS) / DAY_MS);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * An instant as RSS 2.0 wants it (RFC 822, four-digit year) in the site's time zone,
 * e.g. Wed, 25 Nov 2026 18:30:00 +0800. English names by definition, whatever the locale.
 */
export function toShanghaiRfc822(instant: number | string | Date): string {
  const local = wallClock(instant);
  const two = (n: number) => String(n).padStart(2, '0');
  const day = DAYS[local.getUTCDay()];
  const month = MONTHS[local.getUTCMonth()];
  const time = `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())}`;
  return `${day}, ${two(local.getUTCDate())} ${month} ${local.getUTCFullYear()} ${time} ${SITE_UTC_OFFSET.replace(':', '')}`;
}
