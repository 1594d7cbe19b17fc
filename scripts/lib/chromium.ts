/*
 * Debian's Chromium as the browser tests and `npm run lighthouse` run it (installed by .ci/run;
 * never a downloaded browser).
 */

/** CHROMIUM_PATH, default /usr/bin/chromium. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** Flags for headless runs here: no sandbox (containers), no GPU, no background traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
