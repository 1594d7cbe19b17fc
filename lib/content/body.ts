import { optimizerUrl } from '../images';

/** Widths offered for pictures inside an article body; each is one of next.config's image sizes. */
const BODY_WIDTHS = [390, 640, 828, 1200] as const;
const BODY_SIZES = '(min-width: 1152px) 760px, (min-width: 768px) 66vw, calc(100vw - 2rem)';


/**
 * Gives every site-hosted picture in a stored body a srcset through the image optimizer, so a
 * phone downloads a 390–828 px WebP instead of the 1200 px original.
 */
export function withResponsiveImages(html: string): string {
  return html.replace(/<img src="(\/images\/[^"?#]+)"([^>]*)>/g, (match, src: string, rest: string) => {
    if (rest.includes('srcset=')) return match;
    const widthMatch = /\swidth="(\d+)"/.exec(rest);
    const intrinsic = widthMatch ? Number(widthMatch[1]) : Infinity;
    const widths = BODY_WIDTHS.filter((w) => w <= intrinsic);
    if (widths.length === 0) return match;
    const srcset = widths.map((w) => `${optimizerUrl(src, w)} ${w}w`).join(', ');
    return `<img src="${src}" srcset="${srcset}" sizes="${BODY_SIZES}"${rest}>`;
  });
}
