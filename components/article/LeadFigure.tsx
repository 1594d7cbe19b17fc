import { ResponsiveImage } from '../ui/ResponsiveImage';
import type { LeadImage } from '@/lib/content/types';

/** The article's lead picture: loaded first (it is the largest thing on the page). */
export function LeadFigure({ image }: { image: LeadImage }) {
  return (
    <figure className="my-6">
      <ResponsiveImage
        src={image.src}
        alt={image.alt}
        width={image.width}
        height={image.height}
        preload
        sizes="(min-width: 1152px) 760px, (min-width: 768px) 66vw, calc(100vw - 2rem)"
        className="h-auto w-full rounded bg-ink-100"
      />
      {image.caption ? (
        <figcaption className="mt-2 text-sm leading-relaxed text-ink-600">{image.caption}</figcaption>
      ) : null}
    </figure>
  );
}
