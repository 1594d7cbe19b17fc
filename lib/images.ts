/**
 * Responsive pictures through Next.js's image optimizer (/_next/image), without its client
 * component: `next/image` is a client component and would add 5 KB gzip of JavaScript to every
 * page that shows a picture (docs/decisions/0009-javascript-budget.md). The URLs and srcset are
 * the ones `getImageProps` makes (tests/unit/images.test.ts compares them), so the optimizer,
 * which accepts only the widths and quality configured here, serves them.
 */

/** Widths offered for full-width pictures: a 390 px phone first; lead pictures are at most 1600 px. */
export const IMAGE_DEVICE_SIZES = [390, 640, 828, 1080, 1200, 1600];
/** Widths for small pictures (thumbnails). */
export const IMAGE_SIZES = [96, 160, 256, 320];
export const IMAGE_QUALITY = 75;

const ALL_WIDTHS = [...IMAGE_SIZES, ...IMAGE_DEVICE_SIZES].sort((a, b) => a - b);

/** The optimizer's address of a picture at one of the configured widths. */
export function optimizerUrl(src: string, width: number): string {
  return `/_next/image?url=${encodeURIComponent(src)}&w=${width}&q=${IMAGE_QUALITY}`;
}

/** Which widths a `sizes` attribute can need: with `vw` terms, none narrower than the smallest share of a phone. */
function candidateWidths(sizes: string): number[] {
  const percents = [...sizes.matchAll(/(^|\s)(1?\d?\d)vw/g)].map((match) => Number(match[2]));
  if (percents.length === 0) return ALL_WIDTHS;
  const smallest = Math.min(...percents) / 100;
  return ALL_WIDTHS.filter((width) => width >= IMAGE_DEVICE_SIZES[0]! * smallest);
}

export interface ResponsiveImageAttributes {
  src: string;
  srcSet: string;
  sizes: string;
}

export function responsiveImageAttributes(src: string, sizes: string): ResponsiveImageAttributes {
  const widths = candidateWidths(sizes);
  return {
    src: optimizerUrl(src, widths.at(-1)!),
    srcSet: widths.map((width) => `${optimizerUrl(src, width)} ${width}w`).join(', '),
    sizes,
  };
}
