/** Date formats used across the site; next-intl applies the locale and the Asia/Shanghai zone. */
export const dateFormats = {
  /** "Jan 13, 2023" / "2023年1月13日" */
  short: { year: 'numeric', month: 'short', day: 'numeric' },
  /** "Jan 13, 2023, 15:10" / "2023年1月13日 15:10" */
  withTime: { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;
